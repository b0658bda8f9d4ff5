package org.breachtriage.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.IncidentMetadataLoader;

/** Reads an {@code --incident FILE}. */
final class Incidents {
    private Incidents() {
    }

    static IncidentMetadata load(Path file) throws java.io.IOException {
        InputFiles.requireReadableFile(file, "incident file");
        try (InputStream in = Files.newInputStream(file)) {
            return IncidentMetadataLoader.read(file.toString(), in, Instant.now());
        }
    }
}
