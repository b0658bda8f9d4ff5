package org.breachtriage.core.manifest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a manifest to a visitor. Row-level problems become {@link RowRejection}s; problems with
 * the file as a whole (empty, binary, no pay-number column) throw {@link ManifestFormatException}.
 */
public interface ManifestReader {

    /**
     * @param source a name for error messages (file name or object key)
     * @return counts of what was read
     */
    ReadSummary read(String source, InputStream in, ManifestVisitor visitor) throws IOException;

    record ReadSummary(long rowsRead, long rowsAccepted, long rowsRejected) {
    }
}
