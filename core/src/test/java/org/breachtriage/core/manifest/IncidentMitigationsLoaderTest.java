package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The mitigation fields of the incident details: read from every source the loader reads (sidecar
 * or --incident file, a JSON envelope's incident, S3 object metadata in kebab case), each checked
 * with an error naming the source, the field, what is wrong and what is allowed, and never quoting
 * the free text of laterMeasures or publicCommunication.
 */
class IncidentMitigationsLoaderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final String SECRET = "DC Quockerwodger reset the passwords";

    private static IncidentMetadata read(String json) {
        return IncidentMetadataLoader.read("x.incident.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                NOW);
    }

    private static String error(String json) {
        return assertThrows(ManifestFormatException.class, () -> read(json)).getMessage();
    }

    @Test
    void noMitigationIsTheDefaultAndIsNotAnAssumption() {
        IncidentMetadata m = read("{\"supplier\": \"Acme\"}");
        assertEquals(Mitigations.NONE, m.mitigations());
        assertTrue(m.assumptions().stream().noneMatch(a -> a.contains("unintelligible") || a.contains("recoveredWithin")
                || a.contains("laterMeasures") || a.contains("publicCommunication") || a.startsWith("recipient")),
                m.assumptions().toString());
    }

    @Test
    void everyMitigationIsReadFromASidecar() {
        IncidentMetadata m = read("{\"confidentiality\": \"KNOWN_RECIPIENTS\", \"availability\": \"TEMPORARY\","
                + " \"unintelligible\": \"encrypted\", \"recoveredWithin\": \"PT4H\", \"recipient\": \"trusted-deleted\","
                + " \"laterMeasures\": \"  Passwords reset  \", \"publicCommunication\": \"Notice on the website\"}");
        assertEquals(new Mitigations(Unintelligible.ENCRYPTED, Duration.ofHours(4), Recipient.TRUSTED_DELETED,
                "Passwords reset", "Notice on the website"), m.mitigations());
    }

    @Test
    void s3ObjectMetadataUsesTheKebabKeys() {
        IncidentMetadata m = IncidentMetadataLoader.fromObjectMetadata("s3://b/m.csv", Map.of(
                "x-amz-meta-confidentiality", "KNOWN_RECIPIENTS", "unintelligible", "HASHED_SALTED",
                "recovered-within", "P1D", "recipient", "KNOWN_SINGLE", "later-measures", "Reset",
                "public-communication", "Posted"), NOW);
        assertEquals(new Mitigations(Unintelligible.HASHED_SALTED, Duration.ofDays(1), Recipient.KNOWN_SINGLE, "Reset",
                "Posted"), m.mitigations());
        assertTrue(IncidentMetadataLoader.hasIncidentFields(Map.of("recovered-within", "PT1H")));
    }

    @Test
    void aJsonEnvelopesIncidentCarriesThem() throws Exception {
        RecordingVisitor v = new RecordingVisitor();
        String envelope = "{\"incident\": {\"unintelligible\": \"ENCRYPTED\", \"recoveredWithin\": \"PT2H\"},"
                + " \"records\": [{\"pay_number\": \"MP1\", \"exposed_fields\": \"name\"}]}";
        v.summary = ManifestReaders.forName("upload.json", Clock.fixed(NOW, ZoneOffset.UTC)).read("upload.json",
                new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)), v);
        assertEquals(Unintelligible.ENCRYPTED, v.incidents.getFirst().mitigations().unintelligible());
        assertEquals(Duration.ofHours(2), v.incidents.getFirst().mitigations().recoveredWithin());
    }

    @Test
    void anUnknownUnintelligibleValueNamesTheAllowedOnes() {
        assertEquals("x.incident.json: incident field 'unintelligible' has 'scrambled', which is not allowed; allowed"
                + " values: NONE, ENCRYPTED, HASHED_SALTED", error("{\"unintelligible\": \"scrambled\"}"));
    }

    @Test
    void recoveredWithinMustBeAPositiveIsoDuration() {
        String rule = ", which must be a positive ISO-8601 duration, e.g. PT4H (4 hours) or P1D (1 day)";
        assertEquals("x.incident.json: incident field 'recoveredWithin' has '4 hours'" + rule,
                error("{\"recoveredWithin\": \"4 hours\"}"));
        assertEquals("x.incident.json: incident field 'recoveredWithin' has 'PT0S'" + rule,
                error("{\"recoveredWithin\": \"PT0S\"}"));
        assertEquals("x.incident.json: incident field 'recoveredWithin' has '-PT1H'" + rule,
                error("{\"recoveredWithin\": \"-PT1H\"}"));
        assertEquals("x.incident.json: incident field 'recoveredWithin' has 4" + rule, error("{\"recoveredWithin\": 4}"));
    }

    @Test
    void aRecoveryCannotFollowAPermanentLoss() {
        assertEquals("x.incident.json: incident field 'recoveredWithin' says the data was restored from backup, but"
                        + " availability is PERMANENT; give the one that is true",
                error("{\"availability\": \"PERMANENT\", \"recoveredWithin\": \"PT4H\"}"));
        assertTrue(error("{\"integrity\": \"UNRECOVERABLE\", \"recoveredWithin\": \"PT4H\"}")
                .contains("but integrity is UNRECOVERABLE"));
    }

    @Test
    void aRecipientRefinesKnownRecipientsOnly() {
        assertEquals("x.incident.json: incident field 'recipient' refines confidentiality KNOWN_RECIPIENTS only, but"
                        + " confidentiality is UNKNOWN_RECIPIENTS (assumed, as it is not given); set confidentiality to"
                        + " KNOWN_RECIPIENTS or remove recipient (allowed values: TRUSTED_DELETED, KNOWN_SINGLE)",
                error("{\"recipient\": \"KNOWN_SINGLE\"}"));
        assertTrue(error("{\"confidentiality\": \"NO_EVIDENCE\", \"recipient\": \"TRUSTED_DELETED\"}")
                .contains("but confidentiality is NO_EVIDENCE;"));
        String s3 = assertThrows(ManifestFormatException.class, () -> IncidentMetadataLoader.fromObjectMetadata(
                "s3://b/m.csv", Map.of("recipient", "KNOWN_SINGLE"), NOW)).getMessage();
        assertTrue(s3.startsWith("s3://b/m.csv: incident field 'recipient' refines confidentiality KNOWN_RECIPIENTS"),
                s3);
    }

    @Test
    void freeTextIsNeverQuotedInAnError() {
        String tooLong = SECRET + "x".repeat(IncidentMetadataLoader.MAX_MITIGATION_TEXT);
        String e = error("{\"laterMeasures\": \"" + tooLong + "\"}");
        assertEquals("x.incident.json: incident field 'laterMeasures' is " + tooLong.length() + " characters long; at most "
                + IncidentMetadataLoader.MAX_MITIGATION_TEXT + " are allowed (a summary; keep the full account in the case"
                + " file)", e);
        assertFalse(e.contains("Quockerwodger"));
        String notText = error("{\"publicCommunication\": {\"text\": \"" + SECRET + "\"}}");
        assertFalse(notText.contains("Quockerwodger"), notText);
        assertTrue(notText.startsWith("x.incident.json: incident field 'publicCommunication' must be a string"), notText);
    }

    @Test
    void aNearMissOfANewFieldIsWarnedAbout() {
        IncidentMetadata m = read("{\"recoverdWithin\": \"PT4H\"}");
        assertEquals(List.of("x.incident.json: unknown incident field 'recoverdWithin' ignored (did you mean"
                + " 'recoveredWithin'?); recoveredWithin is therefore not given, and its conservative value is used"),
                m.warnings());
        assertNull(m.mitigations().recoveredWithin());
    }

    @Test
    void aChangedMitigationIsNamedAsAChangedField() {
        IncidentMetadata before = read("{\"supplier\": \"Acme\"}");
        IncidentMetadata after = read("{\"supplier\": \"Acme\", \"unintelligible\": \"ENCRYPTED\", \"laterMeasures\": \"x\"}");
        assertEquals(List.of("unintelligible", "laterMeasures"), after.changedFieldsOtherThanAwareness(before));
    }

    @Test
    void mitigationsSurviveJson() throws Exception {
        IncidentMetadata m = read("{\"confidentiality\": \"KNOWN_RECIPIENTS\", \"unintelligible\": \"ENCRYPTED\","
                + " \"recoveredWithin\": \"PT90M\", \"recipient\": \"KNOWN_SINGLE\", \"laterMeasures\": \"Reset\","
                + " \"publicCommunication\": \"Posted\"}");
        assertEquals(m, Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(m), IncidentMetadata.class));
        IncidentMetadata old = Json.MAPPER.readValue("{\"supplier\": \"Acme\", \"malicious\": true}", IncidentMetadata.class);
        assertEquals(Mitigations.NONE, old.mitigations(), "metadata stored before mitigations existed reads as none");
    }
}
