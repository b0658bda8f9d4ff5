package org.breachtriage.core.manifest;

import java.time.Clock;
import java.util.Locale;

/** Picks the manifest reader for a file name or object key. */
public final class ManifestReaders {
    private ManifestReaders() {
    }

    /** Picks a reader from the file name: .csv, .jsonl/.ndjson, .json. */
    public static ManifestReader forName(String name) {
        return forName(name, Clock.systemUTC());
    }

    /**
     * @param clock the time of ingest, used when a JSON envelope's incident does not say when the
     *              force became aware
     * @throws ManifestFormatException for any other extension, and for an incident sidecar file
     */
    public static ManifestReader forName(String name, Clock clock) {
        String extension = extension(name);
        if (name.toLowerCase(Locale.ROOT).endsWith(".incident.json")) {
            throw new ManifestFormatException(name + ": this is incident metadata (a sidecar of a manifest), not a manifest");
        }
        return switch (extension) {
            case ".csv" -> new CsvManifestReader();
            case ".jsonl", ".ndjson" -> new JsonLinesManifestReader();
            case ".json" -> new JsonEnvelopeManifestReader(clock);
            default -> throw new ManifestFormatException(name + ": unsupported manifest type "
                    + (extension.isEmpty() ? "(no file extension)" : "'" + extension + "'")
                    + "; expected .csv, .jsonl or .json");
        };
    }

    /** The lower-cased extension of the last path segment, with its dot; "" when there is none. */
    static String extension(String name) {
        String fileName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }

    /**
     * A manifest that names nobody (a header only, or nothing) is not a manifest of 0 people: it is
     * invalid input, refused as a whole, so that no case of 0 people is reported as needing Art. 33.
     */
    public static void requireRows(String source, ManifestReader.ReadSummary summary) {
        if (summary.rowsRead() == 0) {
            throw new ManifestFormatException(source + ": no data rows: the file holds a header (or nothing) and no"
                    + " person, so there is nothing to triage; send the manifest with its rows");
        }
    }
}
