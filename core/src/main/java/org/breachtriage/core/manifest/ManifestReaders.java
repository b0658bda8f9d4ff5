package org.breachtriage.core.manifest;

// PLACEHOLDER: replaced by the manifest-reader work.
public final class ManifestReaders {
    private ManifestReaders() {
    }

    /** Picks a reader from the file name: .csv, .jsonl/.ndjson, .json. */
    public static ManifestReader forName(String name) {
        throw new ManifestFormatException(name + ": no reader yet");
    }
}
