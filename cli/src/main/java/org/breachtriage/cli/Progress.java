package org.breachtriage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on stderr, driven by bytes read from the manifest. Only drawn when stderr is a
 * terminal, so piped output and CI logs stay clean.
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

    static boolean terminalAttached() {
        return System.console() != null && System.getenv("CI") == null;
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
