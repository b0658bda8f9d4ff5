package org.breachtriage.core.staff;

/** The roster file as a whole cannot be read (empty, binary, required columns missing). */
public class RosterFormatException extends RuntimeException {
    public RosterFormatException(String message) {
        super(message);
    }

    public RosterFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
