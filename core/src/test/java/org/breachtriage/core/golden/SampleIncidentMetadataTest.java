package org.breachtriage.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.IncidentMetadataLoader;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every incident the sample files state, field by field, as typed in from the files (never from what
 * the loader makes of them), and the circumstances of breach that reach the scorer once ingest has
 * opened the case: a loader that misreads {@code "malicious": true}, or a pipeline that loses the
 * incident on the way to the scorer, fails here.
 */
class SampleIncidentMetadataTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static Stream<Arguments> sampleIncidents() {
        return Stream.of(
                Arguments.of(SampleFiles.MET_ID_CARD, SampleGoldens.MET_INCIDENT, new CircumstancesOfBreach(0.5, 0, 0, 0.5)),
                Arguments.of(SampleFiles.MET_ID_CARD_LATER, SampleGoldens.MET_LATER_INCIDENT,
                        new CircumstancesOfBreach(0.5, 0, 0, 0.5)),
                Arguments.of(SampleFiles.LANYARD, new IncidentMetadata("Lanyard Print Co (synthetic)", "INC-2024-0311",
                        Instant.parse("2024-03-11T14:30:00Z"), false, Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE,
                        Availability.NONE, EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO), List.of()),
                        new CircumstancesOfBreach(0.25, 0, 0, 0)),
                Arguments.of(SampleFiles.WITH_ERRORS, SampleGoldens.WITH_ERRORS_INCIDENT,
                        new CircumstancesOfBreach(0.5, 0, 0, 0.5)),
                Arguments.of(SampleFiles.VETTING_PORTAL, new IncidentMetadata("Vetting Portal Services Ltd (synthetic)",
                        "INC-2024-0907", Instant.parse("2024-09-07T07:15:00Z"), true, Confidentiality.UNKNOWN_RECIPIENTS,
                        Integrity.NONE, Availability.TEMPORARY, EnumSet.of(DataCategory.NAME, DataCategory.VETTING_LEVEL,
                        DataCategory.PAY_NUMBER, DataCategory.DATE_OF_BIRTH), List.of()),
                        new CircumstancesOfBreach(0.5, 0, 0.25, 0.5)));
    }

    /** The sidecar, or for the JSON envelope its {@code incident} object, read as ingest reads it: every field, nothing assumed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleIncidents")
    void everyFieldOfTheSampleIncidentIsReadAsWritten(String manifest, IncidentMetadata written,
                                                      CircumstancesOfBreach cb) throws IOException {
        IncidentMetadata read;
        if (manifest.equals(SampleFiles.VETTING_PORTAL)) {
            read = SampleFiles.read(manifest).envelopeIncident();
        } else {
            String sidecar = manifest + SampleFiles.SIDECAR_SUFFIX;
            try (InputStream in = Files.newInputStream(SampleFiles.file(sidecar))) {
                read = IncidentMetadataLoader.read(sidecar, in, NOW);
            }
        }
        assertEquals(written, read);
    }

    /** Ingest opens the case on the file's incident, and the first person its first batch scores gets its CB. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleIncidents")
    void theCaseIngestOpensCarriesTheIncidentAndItsPeopleGetItsCb(String manifest, IncidentMetadata written,
                                                                 CircumstancesOfBreach cb) throws IOException {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        InMemoryPersonStore persons = new InMemoryPersonStore();
        InMemoryStaff staff = new InMemoryStaff();
        staff.putAll(SampleFiles.roster().values());
        ScenarioHarness harness = new ScenarioHarness(new ScenarioHarness.Backend(objects, staff,
                new InMemoryCaseStore(), new InMemoryIncidentStore(), persons, new RecordingPublisher()));
        objects.put(manifest, SampleFiles.bytes(manifest), "text/plain", Map.of());
        if (!manifest.equals(SampleFiles.VETTING_PORTAL)) {
            String sidecar = manifest + SampleFiles.SIDECAR_SUFFIX;
            objects.put(sidecar, SampleFiles.bytes(sidecar), "application/json", Map.of());
        }

        if (written != null && written.awareAt() != null) {
            harness.clock.set(written.awareAt().plusSeconds(3600)); // an awareAt in the future is refused
        }
        CaseRecord opened = harness.ingest(manifest).caseRecord();
        RowBatch first = harness.takeBatches().get(0);
        harness.score(first, false);

        assertEquals(written, opened.incident());
        assertEquals(written, first.incident(), "every batch carries the incident");
        IncidentPerson scored = persons.find(opened.incidentId(), first.rows().get(0).payNumber()).orElseThrow();
        assertEquals(cb, scored.assessment().cb());
    }
}
