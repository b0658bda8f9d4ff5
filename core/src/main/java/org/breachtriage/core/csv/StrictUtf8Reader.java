package org.breachtriage.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses invalid input instead of replacing it with U+FFFD.
 *
 * <p>Unlike {@link java.io.InputStreamReader} with a reporting decoder, it first hands over every
 * character decoded before the bad bytes and throws only on the following read. A reader that
 * counts lines therefore knows exactly which line holds the damage when the
 * {@link CharacterCodingException} arrives.
 */
public final class StrictUtf8Reader extends Reader {
    private static final int BYTE_BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER_SIZE).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CoderResult pendingError;
    private boolean utf16Mark;
    private boolean firstBytesSeen;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pendingError != null) {
            throw malformed(pendingError);
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            if (flushed) {
                return out.position() > offset ? out.position() - offset : -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    pendingError = result;
                    return out.position() - offset;
                }
                throw malformed(result);
            }
            if (result.isOverflow()) {
                return out.position() - offset;
            }
            // Underflow: every whole character in the buffer is decoded.
            if (endOfInput) {
                CoderResult flush = decoder.flush(out);
                if (flush.isOverflow()) {
                    return out.position() - offset;
                }
                flushed = true;
                continue;
            }
            if (out.position() > offset) {
                return out.position() - offset;
            }
            refill();
        }
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        if (!firstBytesSeen && bytes.remaining() >= 2) {
            firstBytesSeen = true;
            int first = bytes.get(bytes.position()) & 0xFF;
            int second = bytes.get(bytes.position() + 1) & 0xFF;
            utf16Mark = first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
        }
    }

    /** Whether the input starts with a UTF-16 byte-order mark (FF FE or FE FF): a spreadsheet's "Unicode text". */
    public boolean startsWithUtf16Mark() {
        return utf16Mark;
    }

    private static CharacterCodingException malformed(CoderResult result) {
        return new MalformedInputException(result.length());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
