package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.breachtriage.core.cases.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incident field {@code regime}: stated in a sidecar, an envelope or S3 metadata, or absent (then derived). */
class IncidentRegimeFieldTest {
    private static final Instant NOW = Instant.parse("2023-08-27T08:00:00Z");

    private static IncidentMetadata read(String json) {
        return IncidentMetadataLoader.read("x.incident.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UK_GDPR, UK_GDPR", "DPA2018_PART3, DPA_2018_PART_3", "DPA_2018_PART_3, DPA_2018_PART_3",
        "dpa2018_part3, DPA_2018_PART_3"})
    void theRegimeIsStatedInEitherSpelling(String given, Regime expected) {
        assertEquals(expected, read("{\"regime\": \"" + given + "\"}").regime());
        assertEquals(expected, IncidentMetadataLoader.fromObjectMetadata("s3://b/m.csv", Map.of("regime", given), NOW)
                .regime());
    }

    @Test
    void anAbsentRegimeIsNullSoItCanBeDerivedAndIsNoAssumption() {
        IncidentMetadata m = read("{\"supplier\": \"Acme\"}");
        assertNull(m.regime());
        assertEquals(0, m.assumptions().stream().filter(a -> a.contains("regime")).count());
    }

    @Test
    void anUnknownRegimeIsAClearErrorNamingTheAllowedValues() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read("{\"regime\": \"GDPR\"}"));
        assertEquals("x.incident.json: incident field 'regime' has 'GDPR', which is not allowed; allowed values: UK_GDPR,"
                + " DPA2018_PART3 (or DPA_2018_PART_3)", e.getMessage());
        assertThrows(ManifestFormatException.class, () -> read("{\"regime\": 3}"));
    }

    @Test
    void aCorrectedRegimeIsNamedAsAChangedField() {
        IncidentMetadata before = read("{\"supplier\": \"Acme\"}");
        IncidentMetadata after = read("{\"supplier\": \"Acme\", \"regime\": \"UK_GDPR\"}");
        assertEquals(java.util.List.of("regime"), before.changedFieldsOtherThanAwareness(after));
    }
}
