package org.breachtriage.functions;

/**
 * An event the ingest function cannot act on, and that no retry would change: it is not an S3
 * event, or it names an object that does not exist. Thrown, not swallowed, so that on Lambda the
 * invocation fails and the event ends in the function's on-failure destination, where someone sees
 * it. The message names the bucket and key (never what a manifest holds); the CLI's
 * {@code --aws invoke} reports it as invalid input, exit 3.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }
}
