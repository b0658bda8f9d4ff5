package org.breachtriage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.embedded.FolderObjectStore;

/**
 * The floor a full run is compared with: the manifest read with the same reader, from the same kind
 * of stream the pipeline opens (the folder object store), into a visitor that only counts. Rows are
 * still fully parsed and validated into {@link ManifestRow}s; nothing is kept.
 */
final class ParseOnly {
    private ParseOnly() {
    }

    record Counts(long rowsRead, long accepted, long rejected) {
    }

    static Counts parse(Path manifest) throws IOException {
        Path file = manifest.toAbsolutePath().normalize();
        String key = file.getFileName().toString();
        ManifestReader reader = ManifestReaders.forName(key);
        CountingOnly counter = new CountingOnly();
        ManifestReader.ReadSummary summary;
        try (InputStream in = new FolderObjectStore(file.getParent()).open(key)) {
            summary = reader.read(key, in, counter);
        }
        if (summary.rowsAccepted() != counter.accepted || summary.rowsRejected() != counter.rejected) {
            throw new IllegalStateException("reader summary " + summary + " disagrees with the rows it delivered: "
                    + counter.accepted + " accepted, " + counter.rejected + " rejected");
        }
        return new Counts(summary.rowsRead(), counter.accepted, counter.rejected);
    }

    private static final class CountingOnly implements ManifestVisitor {
        long accepted;
        long rejected;

        @Override
        public void accepted(ManifestRow row) {
            accepted++;
        }

        @Override
        public void rejected(RowRejection rejection) {
            rejected++;
        }
    }
}
