package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentMetadataLoaderTest {
    private static final Instant NOW = Instant.parse("2023-08-27T08:00:00Z");

    private static IncidentMetadata fromJson(String json) throws Exception {
        return IncidentMetadataLoader.fromJson("x.incident.json", Json.MAPPER.readTree(json), NOW);
    }

    private static IncidentMetadata read(String json) {
        return IncidentMetadataLoader.read("x.incident.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    @Test
    void readsAFullSidecar() throws Exception {
        IncidentMetadata m;
        try (InputStream in = getClass().getResourceAsStream("/manifest/sample.incident.json")) {
            m = IncidentMetadataLoader.read("sample.incident.json", in, NOW);
        }
        assertEquals("Acme ID Cards Ltd", m.supplier());
        assertEquals("INC-2023-0826", m.reference());
        assertEquals(Instant.parse("2023-08-26T09:30:00Z"), m.awareAt(), "offset date-time converted to an instant");
        assertFalse(m.malicious());
        assertEquals(Confidentiality.KNOWN_RECIPIENTS, m.confidentiality());
        assertEquals(Integrity.RECOVERABLE, m.integrity());
        assertEquals(Availability.TEMPORARY, m.availability());
        assertEquals(Set.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO), m.defaultExposedFields());
        assertEquals(List.of(), m.assumptions());
    }

    @Test
    void conservativeAssumesTheWorstAndSaysSo() {
        IncidentMetadata m = IncidentMetadataLoader.conservative(NOW);
        assertEquals("unknown supplier", m.supplier());
        assertEquals("unreferenced", m.reference());
        assertEquals(NOW, m.awareAt());
        assertTrue(m.malicious());
        assertEquals(Confidentiality.UNKNOWN_RECIPIENTS, m.confidentiality());
        assertEquals(Integrity.NONE, m.integrity());
        assertEquals(Availability.NONE, m.availability());
        assertEquals(DataCategory.ofContractVersion(1), m.defaultExposedFields());
        assertEquals(List.of(
                "supplier not given: recorded as 'unknown supplier'",
                "reference not given: recorded as 'unreferenced'",
                "awareAt not given: awareness taken as the time of ingest, 2023-08-27T08:00:00Z",
                "malicious not given: the breach is assumed to be malicious",
                "confidentiality not given: the data is assumed to have reached unknown recipients (UNKNOWN_RECIPIENTS)",
                "integrity not given: no loss of integrity assumed (NONE)",
                "availability not given: no loss of availability assumed (NONE)",
                "defaultExposedFields not given: every category is assumed exposed for rows that do not list their own (the workforce"
                        + " categories of manifest contract version 1; special-category, criminal-offence, credential,"
                        + " location, national-identifier and full financial data are assumed only where listed)"),
                m.assumptions());
        assertEquals(m, read("{}"), "an empty object is the same as nothing known");
    }

    /** Each field on its own: that field is taken, the other seven are assumed. */
    static Stream<Arguments> singleFields() {
        return Stream.of(
                Arguments.of("{\"supplier\": \"Acme\"}", "supplier"),
                Arguments.of("{\"reference\": 12345}", "reference"),
                Arguments.of("{\"aware-at\": \"2023-08-26T09:30:00.123Z\"}", "awareAt"),
                Arguments.of("{\"malicious\": false}", "malicious"),
                Arguments.of("{\"Confidentiality\": \"no_evidence\"}", "confidentiality"),
                Arguments.of("{\"integrity\": \"UNRECOVERABLE\"}", "integrity"),
                Arguments.of("{\"availability\": \"PERMANENT\"}", "availability"),
                Arguments.of("{\"default_exposed_fields\": [\"name\"]}", "defaultExposedFields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFields")
    void eachMissingFieldAddsOneAssumption(String json, String given) throws Exception {
        IncidentMetadata m = fromJson(json);
        assertEquals(7, m.assumptions().size(), m.assumptions().toString());
        assertTrue(m.assumptions().stream().noneMatch(a -> a.startsWith(given + " ")), m.assumptions().toString());
    }

    @Test
    void nullAndBlankCountAsMissing() throws Exception {
        IncidentMetadata m = fromJson("{\"supplier\": \"  \", \"malicious\": null}");
        assertEquals("unknown supplier", m.supplier());
        assertTrue(m.malicious());
        assertEquals(8, m.assumptions().size());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("{\"confidentiality\": \"leaked\"}",
                        "x.incident.json: incident field 'confidentiality' has 'leaked', which is not allowed; allowed values: NO_EVIDENCE, KNOWN_RECIPIENTS, UNKNOWN_RECIPIENTS"),
                Arguments.of("{\"integrity\": \"broken\"}",
                        "x.incident.json: incident field 'integrity' has 'broken', which is not allowed; allowed values: NONE, RECOVERABLE, UNRECOVERABLE"),
                Arguments.of("{\"availability\": 1}",
                        "x.incident.json: incident field 'availability' has 1, which is not allowed; allowed values: NONE, TEMPORARY, PERMANENT"),
                Arguments.of("{\"awareAt\": \"26/08/2023\"}",
                        "x.incident.json: incident field 'awareAt' has '26/08/2023', which must be an ISO-8601 instant or date-time with an offset"),
                Arguments.of("{\"awareAt\": \"2023-08-26T09:30:00\"}",
                        "x.incident.json: incident field 'awareAt' has '2023-08-26T09:30:00', which must be an ISO-8601 instant"),
                Arguments.of("{\"awareAt\": 1693042200}",
                        "x.incident.json: incident field 'awareAt' has a number of 10 characters (not quoted: it does not look like a misspelt token), which must be an ISO-8601 instant"),
                Arguments.of("{\"malicious\": \"maybe\"}",
                        "x.incident.json: incident field 'malicious' has 'maybe', which must be true or false"),
                Arguments.of("{\"supplier\": {\"name\": \"Acme\"}}",
                        "x.incident.json: incident field 'supplier' has an object, which must be a string"),
                Arguments.of("{\"defaultExposedFields\": \"name;shoe_size\"}",
                        "x.incident.json: incident field 'defaultExposedFields': unknown category 'shoe_size'; valid categories: name, rank"),
                Arguments.of("{\"defaultExposedFields\": [\"name\", 7]}",
                        "x.incident.json: incident field 'defaultExposedFields' has 7, which must be a ';'-separated string or an array of strings"),
                Arguments.of("{\"awareAt\": \"2023-08-26T09:30:00Z\", \"aware_at\": \"2023-08-26T09:31:00Z\"}",
                        "x.incident.json: incident field 'awareAt' is given twice ('awareAt' and 'aware_at'); keep exactly one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValuesFailNamingSourceFieldAndAllowedValues(String json, String messageStart) {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> fromJson(json));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void emptyOrNonObjectOrBrokenSidecarFails() {
        assertEquals("x.incident.json: empty incident metadata: expected a JSON object",
                assertThrows(ManifestFormatException.class, () -> read("   ")).getMessage());
        assertEquals("x.incident.json: incident metadata must be a JSON object, not array",
                assertThrows(ManifestFormatException.class, () -> read("[1]")).getMessage());
        String broken = assertThrows(ManifestFormatException.class, () -> read("{\n\"supplier\": \"Acme\",,\n}")).getMessage();
        assertTrue(broken.startsWith("x.incident.json: line 2, column 20: malformed JSON"), broken);
    }

    @Test
    void emptyDefaultCategoriesListIsTreatedAsAllAndSaysSo() throws Exception {
        IncidentMetadata m = fromJson("{\"defaultExposedFields\": []}");
        assertEquals(DataCategory.ofContractVersion(1), m.defaultExposedFields());
        assertTrue(m.assumptions().contains(
                "defaultExposedFields is empty: every category is assumed exposed for rows that do not list their own (the workforce"
                        + " categories of manifest contract version 1; special-category, criminal-offence, credential,"
                        + " location, national-identifier and full financial data are assumed only where listed)"));
    }

    @Test
    void readsS3ObjectMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("supplier", "Acme ID Cards Ltd");
        metadata.put("reference", "INC-1");
        metadata.put("aware-at", "2023-08-26T09:30:00Z");
        metadata.put("malicious", "FALSE");
        metadata.put("confidentiality", "KNOWN_RECIPIENTS");
        metadata.put("x-amz-meta-integrity", "recoverable");
        metadata.put("availability", "none");
        metadata.put("default-exposed-fields", "name;photo");
        metadata.put("content-owner", "ignored");
        IncidentMetadata m = IncidentMetadataLoader.fromObjectMetadata("s3://bucket/m.csv", metadata, NOW);
        assertEquals("Acme ID Cards Ltd", m.supplier());
        assertEquals(Instant.parse("2023-08-26T09:30:00Z"), m.awareAt());
        assertFalse(m.malicious());
        assertEquals(Integrity.RECOVERABLE, m.integrity());
        assertEquals(Set.of(DataCategory.NAME, DataCategory.PHOTO), m.defaultExposedFields());
        assertEquals(List.of(), m.assumptions());
    }

    @Test
    void s3MetadataUsesItsOwnKeysInMessages() {
        IncidentMetadata m = IncidentMetadataLoader.fromObjectMetadata("s3://bucket/m.csv", Map.of("supplier", "Acme"), NOW);
        assertTrue(m.assumptions().contains("aware-at not given: awareness taken as the time of ingest, 2023-08-27T08:00:00Z"),
                m.assumptions().toString());
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> IncidentMetadataLoader.fromObjectMetadata("s3://bucket/m.csv", Map.of("aware-at", "yesterday"), NOW));
        assertTrue(e.getMessage().startsWith("s3://bucket/m.csv: incident field 'aware-at' has 'yesterday'"), e.getMessage());
        assertEquals(8, IncidentMetadataLoader.fromObjectMetadata("k", Map.of(), NOW).assumptions().size());
    }

    @Test
    void envelopeNodeIsReadTheSameWay() throws Exception {
        JsonNode node = Json.MAPPER.readTree("{\"supplier\": \"Acme\", \"malicious\": \"yes\"}");
        IncidentMetadata m = IncidentMetadataLoader.fromJson("m.json (incident)", node, NOW);
        assertTrue(m.malicious());
        assertEquals("Acme", m.supplier());
        assertEquals(6, m.assumptions().size());
    }

    @org.junit.jupiter.api.Test
    void objectMetadataCountsAsAnIncidentOnlyWhenItNamesAnIncidentField() {
        org.junit.jupiter.api.Assertions.assertTrue(IncidentMetadataLoader.hasIncidentFields(Map.of("aware-at", "x")));
        org.junit.jupiter.api.Assertions.assertTrue(
                IncidentMetadataLoader.hasIncidentFields(Map.of("x-amz-meta-supplier", "Acme")));
        org.junit.jupiter.api.Assertions.assertFalse(
                IncidentMetadataLoader.hasIncidentFields(Map.of("content-owner", "ops", "uploaded-by", "sftp")));
    }

    @Test
    void anAwareAtBeyondTheClockSkewIsRefusedNamingTheSourceAndTheField() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("{\"awareAt\": \"2099-01-01T00:00:00Z\"}"));
        assertTrue(e.getMessage().startsWith("x.incident.json: incident field 'awareAt' is 2099-01-01T00:00:00Z, which is"
                + " in the future (now is 2023-08-27T08:00:00Z; at most 5 minutes ahead is allowed for clock skew)"),
                e.getMessage());
        Instant justInside = NOW.plus(IncidentMetadataLoader.AWARE_AT_CLOCK_SKEW);
        assertEquals(justInside, read("{\"awareAt\": \"" + justInside + "\"}").awareAt(), "the skew itself is allowed");
        Instant justOutside = justInside.plusSeconds(1);
        assertThrows(ManifestFormatException.class, () -> read("{\"awareAt\": \"" + justOutside + "\"}"));
        assertThrows(ManifestFormatException.class, () -> IncidentMetadataLoader.fromObjectMetadata("s3://b/m.csv",
                Map.of("aware-at", "2099-01-01T00:00:00Z"), NOW));
    }

    @Test
    void aMisspeltFieldIsNamedWithTheFieldItWasMeantToBeAndTakesTheConservativeValue() {
        IncidentMetadata m = read("{\"supplier\": \"Acme\", \"malicous\": false}");

        assertTrue(m.malicious(), "the misspelt value is not used: the conservative one is");
        assertEquals(List.of("x.incident.json: unknown incident field 'malicous' ignored (did you mean 'malicious'?);"
                + " malicious is therefore not given, and its conservative value is used"), m.warnings());
        assertTrue(m.assumptions().contains("malicious not given: the breach is assumed to be malicious"));
    }

    @Test
    void aFieldFarFromAnyKnownOneIsNamedWithTheKnownFieldsAndItsValueIsNeverQuoted() {
        IncidentMetadata m = read("{\"officer\": \"Zebedee Quartermaine\", \"malicious\": true, \"malicous\": false}");

        assertEquals(2, m.warnings().size(), m.warnings().toString());
        assertEquals("x.incident.json: unknown incident field 'officer' ignored; the known fields are supplier, reference,"
                + " awareAt, malicious, confidentiality, integrity, availability, defaultExposedFields, force, supersedes, unintelligible, recoveredWithin, recipient,"
                + " laterMeasures, publicCommunication, regime",
                m.warnings().get(0));
        assertTrue(m.warnings().get(1).endsWith("malicious is given as well, and that value is used"), m.warnings().get(1));
        assertFalse(m.warnings().toString().contains("Zebedee"), m.warnings().toString());
        assertEquals(List.of(), read("{\"supplier\": \"Acme\"}").warnings());
    }

    @Test
    void s3MetadataWarnsOnlyAboutNearMissesSinceOtherToolsAddTheirOwnKeys() {
        Map<String, String> metadata = Map.of("content-owner", "ops", "x-amz-meta-confidentialty", "NO_EVIDENCE");

        assertTrue(IncidentMetadataLoader.hasIncidentFields(metadata), "a near miss alone is read, so it is warned about");
        IncidentMetadata m = IncidentMetadataLoader.fromObjectMetadata("s3://b/m.csv", metadata, NOW);
        assertEquals(List.of("s3://b/m.csv: unknown incident field 'confidentialty' ignored (did you mean"
                + " 'confidentiality'?); confidentiality is therefore not given, and its conservative value is used"),
                m.warnings());
        assertEquals(Confidentiality.UNKNOWN_RECIPIENTS, m.confidentiality());
    }

    @Test
    void aFileReadAgainForAnOpenCaseAssumesThatCasesAwarenessWhenItGivesNone() {
        Instant opened = NOW.minusSeconds(3600);
        IncidentMetadata again = IncidentMetadataLoader.read("x.incident.json",
                new ByteArrayInputStream("{\"supplier\": \"Acme\"}".getBytes(StandardCharsets.UTF_8)), NOW, opened);

        assertEquals(opened, again.awareAt());
        assertTrue(IncidentMetadataLoader.awarenessAssumed(again));
        assertFalse(IncidentMetadataLoader.awarenessAssumed(read("{\"awareAt\": \"2023-08-26T09:30:00Z\"}")));
        IncidentMetadata given = IncidentMetadataLoader.withGivenAwareness(again, opened.minusSeconds(60));
        assertFalse(IncidentMetadataLoader.awarenessAssumed(given), "a given awareness drops the assumption");
        assertEquals(again.assumptions().size() - 1, given.assumptions().size());
    }
}
