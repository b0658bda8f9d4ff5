package org.breachtriage.core.manifest;

import static org.breachtriage.core.model.DataCategory.NAME;
import static org.breachtriage.core.model.DataCategory.PHOTO;
import static org.breachtriage.core.model.DataCategory.RANK;
import static org.breachtriage.core.model.DataCategory.VETTING_LEVEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonEnvelopeManifestReaderTest {
    private static final Instant NOW = Instant.parse("2023-08-27T08:00:00Z");

    private static RecordingVisitor read(String text) throws Exception {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static RecordingVisitor read(InputStream in) throws Exception {
        RecordingVisitor v = new RecordingVisitor();
        v.summary = ManifestReaders.forName("upload.json", Clock.fixed(NOW, ZoneOffset.UTC)).read("upload.json", in, v);
        v.checkAccounting();
        return v;
    }

    @Test
    void anEnvelopeNestedTenThousandDeepFailsAsNestedTooDeeply() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("{\"records\": [{\"pay_number\": \"MP1\", \"x\": " + deep + "}]}"));
        assertTrue(e.getMessage().endsWith("nested too deeply: more than 100 levels of arrays and objects"), e.getMessage());
        assertTrue(e.getMessage().startsWith("upload.json: "), e.getMessage());
    }

    @Test
    void incidentFirstReachesTheVisitorBeforeAnyRow() throws Exception {
        RecordingVisitor v;
        try (InputStream in = getClass().getResourceAsStream("/manifest/envelope.json")) {
            v = read(in);
        }
        assertEquals(new ManifestReader.ReadSummary(5, 3, 2), v.summary);
        assertEquals(1, v.incidents.size());
        assertSame(v.incidents.get(0), v.events.get(0), "incident comes before the first row");
        IncidentMetadata incident = v.incidents.get(0);
        assertEquals("Acme ID Cards Ltd", incident.supplier());
        assertEquals(Instant.parse("2023-08-26T09:30:00Z"), incident.awareAt());
        assertEquals(List.of(), incident.assumptions());

        assertEquals(Set.of(NAME, RANK, PHOTO), v.row(1).exposedFields());
        assertEquals(Set.of(), v.row(2).exposedFields());
        assertTrue(v.rejection(3).reason().startsWith("not a JSON object: found a string (line 16"), v.rejection(3).reason());
        assertEquals("pay_number", v.rejection(4).field());
        assertEquals("MP300004", v.row(5).payNumber());
        assertEquals(Set.of(VETTING_LEVEL), v.row(5).exposedFields());
    }

    @Test
    void incidentAfterRecordsIsRefusedClearly() {
        String json = "{\"records\": [{\"pay_number\": \"MP1\"}],\n \"incident\": {\"supplier\": \"Acme\"}}";
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith("upload.json: line 2, column 2: \"incident\" comes after \"records\"; "
                + "put \"incident\" first"), e.getMessage());
        assertTrue(e.getMessage().contains("read as a stream"), e.getMessage());
    }

    @Test
    void noIncidentMeansNoIncidentCall() throws Exception {
        RecordingVisitor v = read("{\"records\": [{\"pay_number\": \"MP1\"}]}");
        assertEquals(List.of(), v.incidents);
        assertEquals(1, v.accepted.size());
    }

    @Test
    void partialIncidentTakesConservativeDefaultsAtIngestTime() throws Exception {
        RecordingVisitor v = read("{\"incident\": {\"supplier\": \"Acme\"}, \"records\": []}");
        IncidentMetadata incident = v.incidents.get(0);
        assertEquals(NOW, incident.awareAt());
        assertTrue(incident.malicious());
        assertTrue(incident.assumptions().contains("awareAt not given: awareness taken as the time of ingest, 2023-08-27T08:00:00Z"),
                incident.assumptions().toString());
        assertEquals(new ManifestReader.ReadSummary(0, 0, 0), v.summary);
    }

    @Test
    void invalidIncidentFailsTheFile() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("{\"incident\": {\"confidentiality\": \"leaked\"}, \"records\": []}"));
        assertTrue(e.getMessage().contains("'confidentiality'"), e.getMessage());
    }

    static Stream<Arguments> malformedEnvelopes() {
        return Stream.of(
                Arguments.of("", "upload.json: empty manifest: no JSON content"),
                Arguments.of("[{\"pay_number\": \"MP1\"}]", "upload.json: line 1, column 1: a JSON manifest must be an object"),
                Arguments.of("{\"incident\": {}}", "upload.json: no \"records\" array in the JSON manifest"),
                Arguments.of("{\"records\": {\"pay_number\": \"MP1\"}}", "upload.json: line 1, column 13: \"records\" must be an array, not an object"),
                Arguments.of("{\"records\": [], \"records\": []}", "upload.json: line 1, column 17: more than one \"records\" array"),
                Arguments.of("{\"records\": [\n  {\"pay_number\": \"MP1\"},\n  {\"pay_number\" \"MP2\"}\n]}",
                        "upload.json: line 3, column 17: malformed JSON: Unexpected character"),
                Arguments.of("{\"records\": [{\"pay_number\": \"MP1\"}", "upload.json: line 1, column 35: malformed JSON: Unexpected end-of-input"),
                Arguments.of("{\"records\": []} {\"x\": 1}", "upload.json: line 1, column 17: more content after the end of the manifest object"),
                Arguments.of("{\"records\": [{\"pay_number\": \"MP\u00001\"}]}", "upload.json: line 1, column 32: malformed JSON: Illegal unquoted character"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformedEnvelopes")
    void malformedStructureFailsNamingLineAndColumn(String json, String messageStart) {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void invalidUtf8FailsTheFile() {
        byte[] bytes = JsonLinesManifestReaderTest.Utf8Bytes.withBadByte("{\"records\": [{\"pay_number\": \"MP", "1\"}]}");
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().startsWith("upload.json: line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void tenMegabyteValueFailsTheFileWithoutBufferingIt() {
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                CsvManifestReaderTest.stream("{\"records\": [{\"pay_number\": \"MP1\", \"surname\": \""),
                new RepeatingInputStream((byte) 'q', 10L * 1024 * 1024),
                CsvManifestReaderTest.stream("\"}]}"))));
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(in));
        assertTrue(e.getMessage().contains("field too long: a value has more than 65,536 characters"), e.getMessage());
    }

    @Test
    void tenMegabyteValueUnderAnUnknownKeyIsSkipped() throws Exception {
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                CsvManifestReaderTest.stream("{\"records\": [{\"pay_number\": \"MP1\", \"scan\": \""),
                new RepeatingInputStream((byte) 'q', 10L * 1024 * 1024),
                CsvManifestReaderTest.stream("\"}, {\"pay_number\": \"MP2\"}]}"))));
        RecordingVisitor v = read(in);
        assertEquals(new ManifestReader.ReadSummary(2, 2, 0), v.summary);
    }

    @Test
    void nullIncidentIsLikeNoIncident() throws Exception {
        RecordingVisitor v = read("{\"incident\": null, \"records\": [{\"pay_number\": \"MP1\"}]}");
        assertFalse(v.events.get(0) instanceof IncidentMetadata);
    }
}
