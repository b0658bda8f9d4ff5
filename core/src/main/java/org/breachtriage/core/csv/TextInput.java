package org.breachtriage.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * The character input under both tokenizers, {@link CsvRecordReader} and {@link BoundedLineReader},
 * so that they agree on what text is: a byte-order mark at the very start is dropped, input that
 * does not decode or holds a NUL is a {@link MalformedTextException} naming the source and line,
 * and a blank line is one of nothing but whitespace.
 *
 * <p>It fills the tokenizer's own buffer rather than owning one: the tokenizers' scanning loops
 * then index a field of their own, with no extra hop per character.
 */
final class TextInput implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final String source;
    private boolean startOfInput = true;
    private boolean endOfInput;

    TextInput(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Reads the next characters into {@code buffer} from index 0.
     *
     * @param line the line the next character belongs to, named if it does not decode
     * @return how many characters were read (at least one), or -1 at end of input
     * @throws MalformedTextException when the bytes are not valid UTF-8
     */
    int read(char[] buffer, long line) throws IOException {
        while (!endOfInput) {
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new MalformedTextException(source, line, in instanceof StrictUtf8Reader utf8 && utf8.startsWithUtf16Mark()
                        ? "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"
                        : "invalid UTF-8 byte sequence; the file must be UTF-8 text");
            }
            if (n < 0) {
                endOfInput = true;
                return -1;
            }
            if (startOfInput && n > 0) {
                startOfInput = false;
                if (buffer[0] == BYTE_ORDER_MARK) {
                    // Once per input: shifting here keeps every later read starting at index 0.
                    n--;
                    System.arraycopy(buffer, 1, buffer, 0, n);
                }
            }
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    /** The error for a NUL character on {@code line}: such a file is binary, not text. */
    MalformedTextException nulCharacter(long line) {
        return new MalformedTextException(source, line, "binary content (a NUL byte); the file must be UTF-8 text"
                + (line == 1 ? " (a UTF-16 file without a byte-order mark reads like this: save it as UTF-8)" : ""));
    }

    /** True when {@code chars[from, to)} is empty or whitespace only: a line both tokenizers skip. */
    static boolean isBlank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
