package org.breachtriage.core.manifest;

import java.io.InputStream;
import java.time.Instant;

// PLACEHOLDER: replaced by the manifest-reader work.
public final class IncidentMetadataLoader {
    private IncidentMetadataLoader() {
    }

    /** Reads a sidecar {@code <manifest>.incident.json}; missing fields take the conservative default. */
    public static IncidentMetadata read(String source, InputStream in, Instant now) {
        throw new ManifestFormatException(source + ": not implemented yet");
    }

    public static IncidentMetadata fromObjectMetadata(String source, java.util.Map<String, String> metadata, Instant now) {
        throw new ManifestFormatException(source + ": not implemented yet");
    }

    /** Nothing known: malicious, unknown recipients, awareness now, every category exposed. */
    public static IncidentMetadata conservative(Instant now) {
        throw new ManifestFormatException("not implemented yet");
    }
}
