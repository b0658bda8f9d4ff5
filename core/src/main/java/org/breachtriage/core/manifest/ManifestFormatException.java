package org.breachtriage.core.manifest;

/** The file as a whole cannot be read as a manifest. The message names the file and what is wrong. */
public class ManifestFormatException extends RuntimeException {
    public ManifestFormatException(String message) {
        super(message);
    }

    public ManifestFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
