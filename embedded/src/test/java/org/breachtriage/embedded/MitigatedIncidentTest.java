package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.scoring.Art34Exemption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mitigations end to end on the embedded backend: the Art. 33 verdict is decided from the assessment,
 * and the run summary, the incident view, the ICO draft and the case's decision log say the same; an
 * Art. 34(3) exemption sends no individual notice and the books still balance.
 */
class MitigatedIncidentTest {
    @TempDir
    Path tmp;

    private Path manifest(String name, String rows, String incident) throws IOException {
        Path file = tmp.resolve(name + ".csv");
        Files.writeString(file, "pay_number,exposed_fields,surname\n" + rows, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve(name + ".csv.incident.json"), incident, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode icoDraft(LocalPipeline pipeline, String incidentId) throws IOException {
        String key = ReportService.keysFor(incidentId, 1).get(3);
        try (InputStream in = pipeline.outputs().open(key)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static List<IncidentPerson> people(LocalPipeline pipeline, String incidentId) {
        List<IncidentPerson> all = new ArrayList<>();
        pipeline.persons().forEach(incidentId, all::add);
        return all;
    }

    @Test
    void edpbCase10StolenEncryptedTabletsGetNeitherAnIcoReportNorNotices() throws IOException {
        Path m = manifest("tablets", "ZZ-1,name;date_of_birth,Alpha\nZZ-2,name;date_of_birth,Beta\n"
                        + "ZZ-3,name;date_of_birth,Gamma\n",
                "{\"supplier\": \"Day care\", \"reference\": \"INC-10\", \"awareAt\": \"2026-11-30T09:00:00Z\","
                        + " \"malicious\": true, \"confidentiality\": \"UNKNOWN_RECIPIENTS\", \"integrity\": \"NONE\","
                        + " \"availability\": \"NONE\", \"unintelligible\": \"ENCRYPTED\"}");
        try (LocalPipeline pipeline = LocalPipeline.open(tmp.resolve("state"))) {
            RunSummary summary = pipeline.run(m, null, in -> in).summary();
            IncidentView view = pipeline.services().queries().view(summary.incidentId()).orElseThrow();

            assertEquals(RunSummary.Art33.NOT_REQUIRED, summary.art33().verdict());
            assertFalse(summary.art33().provisional());
            assertEquals(summary.art33().verdict(), view.art33().verdict());
            assertEquals(summary.art33().reasoning(), view.art33().reasoning());
            assertTrue(view.art33().reasoning().startsWith("Unlikely to result in a risk: none of the 3 people is"
                    + " assessed HIGH or above (highest band LOW), and the data was encrypted"), view.art33().reasoning());
            JsonNode draft = icoDraft(pipeline, summary.incidentId());
            assertTrue(draft.has("notificationRequired"), draft.toString());
            assertFalse(draft.path("notificationRequired").asBoolean());
            assertEquals(view.art33().reasoning(), draft.path("notificationReasoning").asText());
            List<DecisionEntry> log = pipeline.cases().decisions(summary.caseId());
            assertTrue(log.stream().anyMatch(d -> d.decision().equals("art33 decided: notification not required")
                    && d.reason().contains("Art. 33(5)")), log.toString());
            assertTrue(log.stream().anyMatch(d -> d.decision().equals("art33 notification required")
                    && d.reason().startsWith("Provisional")), "the opening decision stays on record, as provisional");
            assertTrue(log.stream().anyMatch(d -> d.decision().equals("mitigation")
                    && d.reason().startsWith("unintelligible: ENCRYPTED: where only confidentiality was lost")),
                    "each mitigation's effect is in the log");
            for (IncidentPerson p : people(pipeline, summary.incidentId())) {
                assertEquals(0.25, p.assessment().ei(), "unintelligible: EI negligible");
                assertTrue(p.notices().stream().noneMatch(n -> n.art34()), "no Art. 34 notice");
            }
            assertTrue(summary.balances(), summary::toString);
        }
    }

    @Test
    void aPublicCommunicationExemptsVeryHighPeopleUnderArt34_3c() throws IOException {
        Path m = manifest("clinic", "ZZ-1,name;health,Alpha\nZZ-2,name;health,Beta\nZZ-3,name,Gamma\n",
                "{\"supplier\": \"Clinic\", \"reference\": \"INC-3C\", \"awareAt\": \"2026-11-30T09:00:00Z\","
                        + " \"malicious\": true, \"confidentiality\": \"UNKNOWN_RECIPIENTS\","
                        + " \"publicCommunication\": \"Statement published on the force website and in the press\"}");
        try (LocalPipeline pipeline = LocalPipeline.open(tmp.resolve("state"))) {
            RunSummary summary = pipeline.run(m, null, in -> in).summary();
            IncidentView view = pipeline.services().queries().view(summary.incidentId()).orElseThrow();

            assertEquals(2, summary.bands().get("VERY_HIGH"));
            assertEquals(RunSummary.Art33.REQUIRED, view.art33().verdict(), "VERY_HIGH people: the ICO is told");
            assertEquals(view.art33().verdict(), summary.art33().verdict());
            for (IncidentPerson p : people(pipeline, summary.incidentId())) {
                if (p.band().name().equals("VERY_HIGH")) {
                    assertEquals(Art34Exemption.PUBLIC_COMMUNICATION, p.assessment().art34Exemption());
                    assertTrue(p.assessment().reasons().getLast().startsWith("Art. 34(3)(c): "), p.assessment().reasons()
                            .toString());
                    assertTrue(p.notices().isEmpty(), "no individual notice under Art. 34(3)(c)");
                    assertFalse(p.assessment().reasons().stream().anyMatch(r -> r.contains("press")),
                            "the free text never goes into reasons");
                }
            }
            assertEquals(0, summary.notices().planned(), "the third person is LOW (name alone), the other two exempt: nobody is sent an individual notice");
            assertTrue(summary.balances(), summary::toString);
            assertEquals(view.persons().total(), view.notices().initial() + view.notices().held()
                    + view.notices().generalCommunication(), view.toString());
        }
    }
}
