package org.breachtriage.core.manifest;

import java.io.InputStream;
import java.util.Arrays;

/** {@code length} copies of one byte, generated as read, so a test can feed huge input without holding it. */
public final class RepeatingInputStream extends InputStream {
    private final byte value;
    private long remaining;

    public RepeatingInputStream(byte value, long length) {
        this.value = value;
        this.remaining = length;
    }

    @Override
    public int read() {
        if (remaining == 0) {
            return -1;
        }
        remaining--;
        return value & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        Arrays.fill(b, off, off + n, value);
        remaining -= n;
        return n;
    }
}
