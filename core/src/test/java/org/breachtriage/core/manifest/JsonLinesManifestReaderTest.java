package org.breachtriage.core.manifest;

import static org.breachtriage.core.model.DataCategory.NAME;
import static org.breachtriage.core.model.DataCategory.PHOTO;
import static org.breachtriage.core.model.DataCategory.RANK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLinesManifestReaderTest {

    private static RecordingVisitor read(String text) {
        return RecordingVisitor.read("upload.jsonl", text);
    }

    @Test
    void readsAMixedFileWithABrokenLineInTheMiddle() throws Exception {
        RecordingVisitor v;
        try (InputStream in = getClass().getResourceAsStream("/manifest/mixed.jsonl")) {
            v = RecordingVisitor.read("mixed.jsonl", in);
        }
        assertEquals(new ManifestReader.ReadSummary(7, 3, 4), v.summary);
        assertEquals(Set.of(NAME, RANK), v.row(1).exposedFields());
        assertEquals("Hughes", v.row(1).surname());
        assertEquals("MP200002", v.row(2).payNumber());
        assertEquals(Set.of(NAME, PHOTO), v.row(2).exposedFields(), "array form");
        assertEquals("PC", v.row(2).rank());
        RowRejection broken = v.rejection(3);
        assertEquals("row", broken.field());
        assertTrue(broken.reason().startsWith("not a JSON object: "), broken.reason());
        assertTrue(broken.reason().endsWith("(line 4)"), "physical line, blank line included: " + broken.reason());
        assertEquals("not a JSON object: found an array (line 5)", v.rejection(4).reason());
        assertEquals("200004", v.row(5).payNumber(), "a numeric pay number is read as text");
        assertEquals(Set.of(), v.row(5).exposedFields());
        assertEquals("pay_number", v.rejection(6).field());
        assertEquals("exposed_fields", v.rejection(7).field());
        assertTrue(v.rejection(7).reason().contains("'passport'"));
    }

    static Stream<Arguments> rejectedLines() {
        return Stream.of(
                Arguments.of("\"just a string\"", "row", "not a JSON object: found a string"),
                Arguments.of("42", "row", "not a JSON object: found a number"),
                Arguments.of("null", "row", "not a JSON object: found null"),
                Arguments.of("{\"pay_number\": \"MP1\"} {\"pay_number\": \"MP2\"}", "row", "not a JSON object: more content"),
                Arguments.of("{pay_number: MP1}", "row", "not a JSON object: Unexpected character"),
                Arguments.of("{\"pay_number\": {\"id\": 1}}", "pay_number", "pay_number must be a string, not an object"),
                Arguments.of("{\"pay_number\": true}", "pay_number", "pay_number must be a string, not a boolean"),
                Arguments.of("{\"pay_number\": [\"MP1\"]}", "pay_number", "pay_number must be a string, not an array"),
                Arguments.of("{\"pay_number\": \"MP1\", \"exposed_fields\": 3}", "exposed_fields",
                        "exposed_fields must be a ';'-separated string or an array of strings, not a number"),
                Arguments.of("{\"pay_number\": \"MP1\", \"exposed_fields\": [\"name\", 3]}", "exposed_fields",
                        "exposed_fields must be a ';'-separated string or an array of strings; the array holds"),
                Arguments.of("{\"pay_number\": \"MP1\", \"payNumber\": \"MP2\"}", "pay_number",
                        "the record gives pay_number twice ('pay_number' and 'payNumber')"),
                Arguments.of("{\"surname\": \"Smith\"}", "pay_number", "pay number missing"),
                Arguments.of("{\"pay_number\": null}", "pay_number", "pay number missing"),
                Arguments.of("{\"pay_number\": \"MP1\", \"exposed_fields\": \"name;rnak\"}", "exposed_fields",
                        "unknown category 'rnak'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedLines")
    void rejectsTheLineAndCarriesOn(String line, String field, String reasonStart) {
        RecordingVisitor v = read("{\"pay_number\": \"BEFORE\"}\n" + line + "\n{\"pay_number\": \"AFTER\"}\n");
        assertEquals(new ManifestReader.ReadSummary(3, 2, 1), v.summary);
        assertEquals(field, v.rejection(2).field());
        assertTrue(v.rejection(2).reason().startsWith(reasonStart), v.rejection(2).reason());
        assertEquals("AFTER", v.row(3).payNumber());
    }

    @ParameterizedTest(name = "key ''{0}''")
    @ValueSource(strings = {"pay_number", "payNumber", "PAY_NO", "Staff Number", "service-number", "employeeId"})
    void keysAreMatchedLikeHeaders(String key) {
        RecordingVisitor v = read("{\"" + key + "\": \"mp7\", \"Exposed-Fields\": \"rank\"}\n");
        assertEquals("MP7", v.row(1).payNumber());
        assertEquals(Set.of(RANK), v.row(1).exposedFields());
    }

    @Test
    void bomCrlfAndBlankLinesAreHandled() {
        RecordingVisitor v = read("\uFEFF{\"pay_number\": \"A1\"}\r\n\r\n   \r\n{\"pay_number\": \"A2\", \"surname\": \"  \"}\r\n");
        assertEquals(new ManifestReader.ReadSummary(2, 2, 0), v.summary);
        assertNull(v.row(2).surname());
    }

    @Test
    void tenMegabyteLineIsRejectedAndReadingContinues() {
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                CsvManifestReaderTest.stream("{\"pay_number\": \"MP1\", \"surname\": \""),
                new RepeatingInputStream((byte) 'q', 10L * 1024 * 1024),
                CsvManifestReaderTest.stream("\"}\n{\"pay_number\": \"MP2\"}\n"))));
        RecordingVisitor v = RecordingVisitor.read("big.jsonl", in);
        assertEquals(new ManifestReader.ReadSummary(2, 1, 1), v.summary);
        assertEquals("row", v.rejection(1).field());
        assertTrue(v.rejection(1).reason().startsWith("line too long"), v.rejection(1).reason());
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void overlongValueOnAnOrdinaryLineIsRejected() {
        String value = "v".repeat(70_000);
        RecordingVisitor v = read("{\"pay_number\": \"MP1\", \"surname\": \"" + value + "\"}\n{\"pay_number\": \"MP2\"}\n");
        assertTrue(v.rejection(1).reason().startsWith("field too long"), v.rejection(1).reason());
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void aRowNestedTenThousandDeepIsRejectedAsNestedTooDeeplyNotAsTooLong() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        RecordingVisitor v = read("{\"pay_number\": \"MP1\", \"x\": " + deep + "}\n{\"pay_number\": \"MP2\"}\n");
        assertEquals("nested too deeply: more than 100 levels of arrays and objects (line 1)", v.rejection(1).reason());
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void aParseErrorDoesNotQuoteTheTokenItChokedOn() {
        RecordingVisitor v = read("{\"pay_number\": Quillfeather}\n");
        assertEquals("not a JSON object: Unrecognized token (not quoted): was expecting (JSON String, Number, Array, Object "
                + "or token 'null', 'true' or 'false') (line 1)", v.rejection(1).reason());
    }

    @Test
    void overlongValueUnderAnUnknownKeyIsSkipped() {
        String value = "v".repeat(70_000);
        RecordingVisitor v = read("{\"pay_number\": \"MP1\", \"attachment\": \"" + value + "\"}\n");
        assertEquals("MP1", v.row(1).payNumber());
    }

    @Test
    void emptyFileIsAnError() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read("\n  \n"));
        assertEquals("upload.jsonl: empty manifest: no records", e.getMessage());
    }

    @Test
    void binaryJunkFailsNamingTheLine() {
        ManifestFormatException nul = assertThrows(ManifestFormatException.class,
                () -> read("{\"pay_number\": \"MP1\"}\n{\"pay_number\": \"MP\u00002\"}\n"));
        assertTrue(nul.getMessage().startsWith("upload.jsonl: line 2: binary content"), nul.getMessage());
        byte[] bytes = Utf8Bytes.withBadByte("{\"pay_number\": \"MP1\"}\n{\"surname\": \"", "\"}\n");
        ManifestFormatException utf = assertThrows(ManifestFormatException.class, () -> RecordingVisitor.read("x.ndjson", bytes));
        assertTrue(utf.getMessage().startsWith("x.ndjson: line 2: invalid UTF-8"), utf.getMessage());
    }

    /** Builds UTF-8 text with one invalid byte between two parts. */
    static final class Utf8Bytes {
        static byte[] withBadByte(String before, String after) {
            byte[] a = before.getBytes(StandardCharsets.UTF_8);
            byte[] b = after.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[a.length + 1 + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            all[a.length] = (byte) 0xFF;
            System.arraycopy(b, 0, all, a.length + 1, b.length);
            return all;
        }
    }
}
