package org.breachtriage.aws.sandbox;

/** The local emulators could not be found, started or reached; the message says what to do. */
public class EmulatorUnavailableException extends RuntimeException {
    public EmulatorUnavailableException(String message) {
        super(message);
    }

    public EmulatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
