package org.breachtriage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on stderr, driven by bytes read from the manifest. Drawn only when stderr is a
 * terminal, whatever stdout is ({@code triage run x.csv -o json > summary.json} still shows it), so
 * it never lands in a file, a pipe or a CI log.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_EVERY_BYTES = 1 << 20;

    private final PrintStream err;
    private final long total;
    private final String label;
    private final boolean enabled;
    private long done;
    private long lastDrawn = -REDRAW_EVERY_BYTES;

    Progress(PrintStream err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 1);
        this.enabled = enabled;
    }

    /**
     * Is stderr a terminal? {@code bin/triage} answers with the shell's {@code [ -t 2 ]} in
     * {@code TRIAGE_STDERR_TTY}; without it (java -jar), Linux's /proc says what file descriptor 2 is.
     * Java itself can only tell whether stdin and stdout are ({@code System.console()}).
     */
    static boolean stderrIsTerminal(java.util.Map<String, String> env) {
        String told = env.get("TRIAGE_STDERR_TTY");
        if (told != null && !told.isBlank()) {
            return told.trim().equals("1");
        }
        try {
            return isTerminalDevice(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A terminal's device: a pseudo-terminal, a tty or the console; not a file, a pipe or a socket. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    InputStream track(InputStream in) {
        if (!enabled) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    private synchronized void advance(long bytes) {
        done += bytes;
        if (done - lastDrawn >= REDRAW_EVERY_BYTES || done >= total) {
            lastDrawn = done;
            int percent = (int) Math.min(100, done * 100 / total);
            int filled = percent * WIDTH / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
            err.flush();
        }
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 8) + "\r");
            err.flush();
        }
    }
}
