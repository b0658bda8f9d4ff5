package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "staff.csv, CsvManifestReader",
            "STAFF.CSV, CsvManifestReader",
            "manifests/acme/2023-08-26.csv, CsvManifestReader",
            "m.jsonl, JsonLinesManifestReader",
            "m.ndjson, JsonLinesManifestReader",
            "m.JSON, JsonEnvelopeManifestReader",
            "manifests/acme.v2/m.json, JsonEnvelopeManifestReader"})
    void picksTheReaderByExtension(String name, String reader) {
        assertEquals(reader, ManifestReaders.forName(name).getClass().getSimpleName());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "m.xyz|m.xyz: unsupported manifest type '.xyz'; expected .csv, .jsonl or .json",
            "m.csv.gz|m.csv.gz: unsupported manifest type '.gz'; expected .csv, .jsonl or .json",
            "m.xlsx|m.xlsx: unsupported manifest type '.xlsx'; expected .csv, .jsonl or .json",
            "manifests/acme.d/README|manifests/acme.d/README: unsupported manifest type (no file extension); expected .csv, .jsonl or .json",
            "m.csv.incident.json|m.csv.incident.json: this is incident metadata (a sidecar of a manifest), not a manifest"})
    void refusesOtherNames(String name, String message) {
        assertEquals(message, assertThrows(ManifestFormatException.class, () -> ManifestReaders.forName(name)).getMessage());
    }
}
