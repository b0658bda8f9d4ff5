package org.breachtriage.cli;

/** The CLI's exit codes, as documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;

    private ExitCodes() {
    }
}
