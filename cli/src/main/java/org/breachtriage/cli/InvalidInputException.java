package org.breachtriage.cli;

/** Bad input from the user (a file, a case id, a pay number): exit code 3, one clear line. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
