package org.breachtriage.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits text into physical lines (LF, CRLF or lone CR) for line-oriented formats such as JSON
 * Lines, with the same guarantees as {@link CsvRecordReader}: a leading byte-order mark is dropped,
 * memory stays bounded (a line longer than the limit is flagged {@link #tooLong()} and the rest of
 * it skipped, not buffered), and a NUL character or invalid UTF-8 throws
 * {@link MalformedTextException} naming the source and line.
 */
public final class BoundedLineReader implements Closeable {
    /** Default longest line kept: the same budget as one CSV record. */
    public static final int DEFAULT_MAX_LINE_CHARS = CsvRecordReader.MAX_RECORD_CHARS;

    private static final int BUFFER_CHARS = 64 * 1024;

    private final TextInput text;
    private final int maxLineChars;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;

    private char[] lineChars = new char[1024];
    private int lineLength;
    private boolean tooLong;
    private long nextLine = 1;
    private long currentLine;
    /** Line the next character belongs to, for error messages. */
    private long readingLine = 1;

    public BoundedLineReader(Reader in, String source, int maxLineChars) {
        this.text = new TextInput(in, source);
        this.maxLineChars = maxLineChars;
    }

    /** UTF-8 from a byte stream, refusing invalid UTF-8. */
    public static BoundedLineReader utf8(InputStream in, String source) {
        return new BoundedLineReader(new StrictUtf8Reader(in), source, DEFAULT_MAX_LINE_CHARS);
    }

    /** Reads the next line; false at end of input. A final line without a line break still counts. */
    public boolean next() throws IOException {
        lineLength = 0;
        tooLong = false;
        if (!ensureInput()) {
            return false;
        }
        currentLine = nextLine++;
        readingLine = currentLine;
        while (ensureInput()) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == '\n' || c == '\r' || c == '\0') {
                    break;
                }
                position++;
            }
            append(start, position - start);
            if (position == limit) {
                continue;
            }
            char c = buffer[position++];
            if (c == '\0') {
                throw text.nulCharacter(currentLine);
            }
            readingLine = nextLine;
            if (c == '\r' && ensureInput() && buffer[position] == '\n') {
                position++;
            }
            return true;
        }
        return true;
    }

    private void append(int start, int length) {
        if (length == 0 || tooLong) {
            return;
        }
        if (lineLength + length > maxLineChars) {
            tooLong = true;
            return;
        }
        if (lineLength + length > lineChars.length) {
            lineChars = Arrays.copyOf(lineChars, Math.min(Math.max(lineLength + length, lineChars.length * 2), maxLineChars));
        }
        System.arraycopy(buffer, start, lineChars, lineLength, length);
        lineLength += length;
    }

    private boolean ensureInput() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = text.read(buffer, readingLine);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** The current line's text, without its line break. Empty when {@link #tooLong()}. */
    public String line() {
        return tooLong ? "" : new String(lineChars, 0, lineLength);
    }

    /** True when the current line passed the limit and was skipped rather than kept. */
    public boolean tooLong() {
        return tooLong;
    }

    /** True for an empty or whitespace-only line. */
    public boolean isBlank() {
        return !tooLong && TextInput.isBlank(lineChars, 0, lineLength);
    }

    /** Physical line number of the current line, 1-based. */
    public long lineNumber() {
        return currentLine;
    }

    public int maxLineChars() {
        return maxLineChars;
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
