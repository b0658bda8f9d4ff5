package org.breachtriage.core.scoring;

/** A notice policy file (or policy built in code) that cannot be used; the message names the file and field. */
public class PolicyFormatException extends IllegalArgumentException {
    public PolicyFormatException(String message) {
        super(message);
    }

    public PolicyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
