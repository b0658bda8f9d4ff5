package org.breachtriage.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/** Hands over at most {@code chunk} characters per read, to push every boundary case through the buffers. */
final class TrickleReader extends Reader {
    private final Reader in;
    private final int chunk;

    TrickleReader(String text, int chunk) {
        this.in = new StringReader(text);
        this.chunk = chunk;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        return in.read(target, offset, Math.min(length, chunk));
    }

    @Override
    public void close() {
    }
}
