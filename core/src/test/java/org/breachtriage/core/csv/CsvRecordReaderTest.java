package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRecordReaderTest {

    /** Reads everything, each record as its fields. */
    private static List<List<String>> records(CsvRecordReader csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            assertEquals(CsvRecordReader.Problem.NONE, csv.problem(), "record " + csv.recordNumber());
            records.add(csv.fields());
        }
        return records;
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("LF", "a,b\nc,d\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("CRLF", "a,b\r\nc,d\r\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("lone CR", "a,b\rc,d\r", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("mixed endings", "a\r\nb\rc\nd", List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"))),
                Arguments.of("no final line break", "a,b\nc,d", List.of(List.of("a", "b"), List.of("c", "d"))),
                Arguments.of("BOM dropped", "\uFEFFpay_number,x\n1,2\n", List.of(List.of("pay_number", "x"), List.of("1", "2"))),
                Arguments.of("quoted comma", "\"Smith, John\",2\n", List.of(List.of("Smith, John", "2"))),
                Arguments.of("doubled quotes", "\"say \"\"hi\"\"\",x\n", List.of(List.of("say \"hi\"", "x"))),
                Arguments.of("quoted LF kept", "\"line1\nline2\",x\n", List.of(List.of("line1\nline2", "x"))),
                Arguments.of("quoted CRLF kept", "\"line1\r\nline2\",x\r\n", List.of(List.of("line1\r\nline2", "x"))),
                Arguments.of("empty fields", ",,\n", List.of(List.of("", "", ""))),
                Arguments.of("trailing delimiter at EOF", "a,", List.of(List.of("a", ""))),
                Arguments.of("quoted empty", "\"\",b\n", List.of(List.of("", "b"))),
                Arguments.of("quote at EOF closes", "a,\"b\"", List.of(List.of("a", "b"))),
                Arguments.of("stray quote kept", "ab\"c,d\n", List.of(List.of("ab\"c", "d"))),
                Arguments.of("text after closing quote kept", "\"ab\"c,d\n", List.of(List.of("abc", "d"))),
                Arguments.of("blank line is a record", "a\n\nb\n", List.of(List.of("a"), List.of(""), List.of("b"))),
                Arguments.of("non-ASCII", "Zoë,Ō'Brien\n", List.of(List.of("Zoë", "Ō'Brien"))),
                Arguments.of("empty input", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void tokenizesWellFormedInput(String name, String input, List<List<String>> expected) throws IOException {
        assertEquals(expected, records(new CsvRecordReader(new StringReader(input), "t.csv", ',')));
    }

    /** The same inputs handed over one, two and three characters at a time: buffer edges must not matter. */
    @ParameterizedTest(name = "{0} in chunks")
    @MethodSource("wellFormed")
    void bufferBoundariesDoNotChangeTheResult(String name, String input, List<List<String>> expected) throws IOException {
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertEquals(expected, records(new CsvRecordReader(new TrickleReader(input, chunk), "t.csv", ',')),
                    "chunk size " + chunk);
        }
    }

    @Test
    void otherDelimiters() throws IOException {
        assertEquals(List.of(List.of("a", "b,c")), records(new CsvRecordReader(new StringReader("a;\"b,c\"\n"), "t", ';')));
        assertEquals(List.of(List.of("a", "b")), records(new CsvRecordReader(new StringReader("a\tb\n"), "t", '\t')));
        assertThrows(IllegalArgumentException.class, () -> new CsvRecordReader(new StringReader(""), "t", '"'));
    }

    @Test
    void lineNumbersArePhysicalLinesWhereRecordsStart() throws IOException {
        String input = "h1,h2\r\n\"multi\r\nline\",x\r\nnext,y\n\"a\nb\nc\",z\rlast,w";
        CsvRecordReader csv = new CsvRecordReader(new TrickleReader(input, 1), "t.csv", ',');
        List<Long> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        while (csv.next()) {
            lines.add(csv.lineNumber());
            numbers.add(csv.recordNumber());
        }
        assertEquals(List.of(1L, 2L, 4L, 5L, 8L), lines);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), numbers);
    }

    @Test
    void shortRowsAnswerNullForMissingFields() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new StringReader("a\n"), "t", ',');
        assertTrue(csv.next());
        assertEquals(1, csv.fieldCount());
        assertEquals("a", csv.field(0));
        assertNull(csv.field(1));
        assertNull(csv.field(-1));
    }

    @Test
    void blankLinesAreRecognised() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new StringReader("\n  \t\n\"\"\n,\nx\n"), "t", ',');
        List<Boolean> blank = new ArrayList<>();
        while (csv.next()) {
            blank.add(csv.isBlankLine());
        }
        // an empty line and a whitespace line are blank; a quoted empty field and a lone comma are data
        assertEquals(List.of(true, true, false, false, false), blank);
    }

    @Test
    void unterminatedQuoteAtEndFlagsTheLastRecord() throws IOException {
        CsvRecordReader csv = new CsvRecordReader(new StringReader("a,b\n1,\"open\n2,3\n"), "t", ',');
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.NONE, csv.problem());
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.UNTERMINATED_QUOTE, csv.problem());
        assertEquals(2, csv.lineNumber());
        assertEquals("1", csv.field(0));
        assertFalse(csv.next());
    }

    /** A 10 MB field: flagged, not buffered, and the reader carries on with the next record. */
    @ParameterizedTest(name = "quoted={0}")
    @ValueSource(booleans = {false, true})
    void hugeFieldIsFlaggedAndSkipped(boolean quoted) throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        String field = quoted ? "\"" + huge.substring(0, 100) + "\n,\"\"" + huge + "\"" : huge;
        String input = "h1,h2\nP1," + field + ",tail\nP2,ok\n";
        CsvRecordReader csv = CsvRecordReader.utf8(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "t");
        assertTrue(csv.next());
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.FIELD_TOO_LONG, csv.problem());
        assertEquals("P1", csv.field(0), "fields before the long one are kept");
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.NONE, csv.problem());
        assertEquals(List.of("P2", "ok"), csv.fields());
        assertEquals(quoted ? 4 : 3, csv.lineNumber());
        assertFalse(csv.next());
    }

    @Test
    void fieldExactlyAtTheLimitIsKept() throws IOException {
        String atLimit = "y".repeat(CsvRecordReader.MAX_FIELD_CHARS);
        CsvRecordReader csv = new CsvRecordReader(new StringReader(atLimit + ",z\n" + atLimit + "y\n"), "t", ',');
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.NONE, csv.problem());
        assertEquals(CsvRecordReader.MAX_FIELD_CHARS, csv.field(0).length());
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.FIELD_TOO_LONG, csv.problem());
    }

    @Test
    void tooManyFieldsIsFlagged() throws IOException {
        String commas = ",".repeat(10 * 1024 * 1024);
        CsvRecordReader csv = new CsvRecordReader(new StringReader("a" + commas + "\nb,c\n"), "t", ',');
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.TOO_MANY_FIELDS, csv.problem());
        assertEquals(CsvRecordReader.MAX_FIELDS, csv.fieldCount());
        assertTrue(csv.next());
        assertEquals(List.of("b", "c"), csv.fields());
    }

    @Test
    void recordTooLongIsFlagged() throws IOException {
        String field = "z".repeat(CsvRecordReader.MAX_FIELD_CHARS);
        int fields = CsvRecordReader.MAX_RECORD_CHARS / CsvRecordReader.MAX_FIELD_CHARS + 1;
        String record = String.join(",", java.util.Collections.nCopies(fields, field));
        CsvRecordReader csv = new CsvRecordReader(new StringReader(record + "\nnext\n"), "t", ',');
        assertTrue(csv.next());
        assertEquals(CsvRecordReader.Problem.RECORD_TOO_LONG, csv.problem());
        assertTrue(csv.next());
        assertEquals(List.of("next"), csv.fields());
    }

    static Stream<Arguments> binaryInputs() {
        return Stream.of(
                Arguments.of("NUL unquoted", "a,b\nc,d\u0000e\n".getBytes(StandardCharsets.UTF_8), 2L),
                Arguments.of("NUL quoted", "a,b\n\"x\ny\u0000\"\n".getBytes(StandardCharsets.UTF_8), 3L),
                Arguments.of("invalid UTF-8 byte", concat("a,b\nc,d\ne,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, 'x'}), 3L),
                Arguments.of("truncated sequence at EOF", concat("a\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3}), 2L),
                Arguments.of("latin-1 text", "pay_number\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1), 2L),
                Arguments.of("zip header", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryInputs")
    void binaryInputFailsNamingSourceAndLine(String name, byte[] input, long line) {
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> {
            CsvRecordReader csv = CsvRecordReader.utf8(new ByteArrayInputStream(input), "upload.csv");
            while (csv.next()) {
                // read to the end
            }
        });
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("upload.csv: line " + line + ": "), e.getMessage());
    }

    @Test
    void invalidUtf8LineIsExactFarIntoALargeFile() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("P").append(i).append(",name\n");
        }
        byte[] input = concat(text.toString().getBytes(StandardCharsets.UTF_8), new byte[] {'Q', ',', (byte) 0x80, '\n'});
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> {
            CsvRecordReader csv = CsvRecordReader.utf8(new ByteArrayInputStream(input), "big.csv");
            while (csv.next()) {
                // read to the end
            }
        });
        assertEquals(20_001, e.line());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
