package org.breachtriage.core.csv;

/**
 * The input as a whole is not readable text (a NUL byte, invalid UTF-8). It names the source and
 * the physical line so the sender can find the damage; callers turn it into their own file-level
 * error (a manifest or roster format error).
 */
public class MalformedTextException extends RuntimeException {
    private final String source;
    private final long line;

    public MalformedTextException(String source, long line, String problem) {
        super(source + ": line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }
}
