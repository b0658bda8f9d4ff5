package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextInputTest {

    /** Everything the input hands over, chunk after chunk, until it says end of input. */
    private static String readAll(TextInput input, int bufferChars) throws IOException {
        char[] buffer = new char[bufferChars];
        StringBuilder text = new StringBuilder();
        int n;
        while ((n = input.read(buffer, 1)) >= 0) {
            assertTrue(n > 0, "a read that is not the end hands over at least one character");
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(ints = {1, 2, 5, 1024})
    void dropsOnlyTheLeadingByteOrderMark(int chunk) throws IOException {
        TextInput input = new TextInput(new TrickleReader("\uFEFFa,\uFEFF\nb", chunk), "t");
        assertEquals("a,\uFEFF\nb", readAll(input, 16));
    }

    @Test
    void aByteOrderMarkAloneIsEmptyInput() throws IOException {
        assertEquals(-1, new TextInput(new TrickleReader("\uFEFF", 1), "t").read(new char[8], 1));
    }

    @Test
    void endOfInputStaysTheEnd() throws IOException {
        TextInput input = new TextInput(new TrickleReader("x", 8), "t");
        assertEquals("x", readAll(input, 8));
        assertEquals(-1, input.read(new char[8], 1));
    }

    @Test
    void invalidUtf8NamesTheSourceAndTheLineGiven() {
        byte[] bytes = {'o', 'k', (byte) 0xC0, (byte) 0xAF};
        TextInput input = new TextInput(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), "up.csv");
        char[] buffer = new char[8];
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> {
            while (input.read(buffer, 7) >= 0) {
                // keep reading: the good characters come first, the error on the next read
            }
        });
        assertEquals("up.csv: line 7: invalid UTF-8 byte sequence; the file must be UTF-8 text", e.getMessage());
        assertEquals(7, e.line());
    }

    @Test
    void nulCharacterErrorNamesTheSourceAndLine() {
        TextInput input = new TextInput(new TrickleReader("", 1), "up.jsonl");
        MalformedTextException e = input.nulCharacter(3);
        assertEquals("up.jsonl: line 3: binary content (a NUL byte); the file must be UTF-8 text", e.getMessage());
        assertEquals("up.jsonl", e.source());
    }

    @ParameterizedTest(name = "''{0}'' blank: {1}")
    @CsvSource(delimiter = '|', value = {"|true", "'   '|true", "'\t \t'|true", "' x '|false", "x|false"})
    void blankIsWhitespaceOnly(String text, boolean blank) {
        String padded = "#" + (text == null ? "" : text) + "#";
        assertEquals(blank, TextInput.isBlank(padded.toCharArray(), 1, padded.length() - 1));
    }

    @Test
    void blankLooksOnlyInsideTheRange() {
        char[] chars = "a  b".toCharArray();
        assertTrue(TextInput.isBlank(chars, 1, 3));
        assertFalse(TextInput.isBlank(chars, 0, 3));
        assertFalse(TextInput.isBlank(chars, 1, 4));
    }
}
