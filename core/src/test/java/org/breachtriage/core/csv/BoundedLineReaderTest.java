package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedLineReaderTest {

    private static List<String> lines(BoundedLineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(reader.lineNumber() + ":" + reader.line());
        }
        return lines;
    }

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(ints = {1, 2, 7, 65536})
    void splitsOnEveryLineEndingAndDropsTheBom(int chunk) throws IOException {
        String text = "\uFEFF{\"a\":1}\r\n\n{\"b\":2}\r{\"c\":3}\n  \n{\"d\":4}";
        BoundedLineReader reader = new BoundedLineReader(new TrickleReader(text, chunk), "t.jsonl", 100);
        assertEquals(List.of("1:{\"a\":1}", "2:", "3:{\"b\":2}", "4:{\"c\":3}", "5:  ", "6:{\"d\":4}"), lines(reader));
    }

    @Test
    void longLineIsFlaggedAndSkipped() throws IOException {
        String text = "short\n" + "x".repeat(10 * 1024 * 1024) + "\nafter\n";
        BoundedLineReader reader = BoundedLineReader.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
        assertTrue(reader.next());
        assertEquals("short", reader.line());
        assertTrue(reader.next());
        assertTrue(reader.tooLong());
        assertFalse(reader.isBlank());
        assertEquals(2, reader.lineNumber());
        assertTrue(reader.next());
        assertFalse(reader.tooLong());
        assertEquals("after", reader.line());
        assertEquals(3, reader.lineNumber());
        assertFalse(reader.next());
    }

    @Test
    void nulFailsNamingTheLine() {
        byte[] bytes = "ok\nbad\u0000\n".getBytes(StandardCharsets.UTF_8);
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> lines(BoundedLineReader.utf8(new ByteArrayInputStream(bytes), "x.jsonl")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("x.jsonl: line 2: binary content"), e.getMessage());
    }

    @Test
    void invalidUtf8FailsNamingTheLine() {
        byte[] bytes = CsvRecordReaderTest.concat("one\ntwo\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF});
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> lines(BoundedLineReader.utf8(new ByteArrayInputStream(bytes), "x.jsonl")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }
}
