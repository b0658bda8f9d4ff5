package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    /** Returns one byte per read, so multi-byte characters straddle every read. */
    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[3];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Test
    void decodesMultiByteCharactersSplitAcrossReads() throws IOException {
        String text = "Zoë Ó Séaghdha 𝄞 €";
        assertEquals(text, readAll(new StrictUtf8Reader(oneByteAtATime(text.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void handsOverGoodCharactersBeforeFailing() throws IOException {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xFE, 'd'};
        StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        char[] buffer = new char[10];
        assertEquals(3, reader.read(buffer, 0, 10));
        assertEquals("abc", new String(buffer, 0, 3));
        assertThrows(CharacterCodingException.class, () -> reader.read(buffer, 0, 10));
    }

    @Test
    void truncatedSequenceAtEndIsAnError() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};
        assertThrows(CharacterCodingException.class, () -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes))));
    }

    @Test
    void emptyInputIsEndOfInput() throws IOException {
        assertEquals(-1, new StrictUtf8Reader(new ByteArrayInputStream(new byte[0])).read(new char[4], 0, 4));
    }
}
