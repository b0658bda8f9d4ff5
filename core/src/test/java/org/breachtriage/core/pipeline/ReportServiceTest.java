package org.breachtriage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentReport;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.ReportService.ReportOutcome;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.report.OnCallSummary;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportService} on the in-memory fakes: which files a report writes and where, that each
 * holds its own rendering, the rejects export, follow-ups, the alerts, the incident's record of the
 * report, and the cases it refuses or leaves alone.
 */
class ReportServiceTest {
    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryIncidentStore incidents = new InMemoryIncidentStore();
    private final ScenarioHarness harness = new ScenarioHarness(new ScenarioHarness.Backend(objects, new InMemoryStaff(),
            cases, incidents, new InMemoryPersonStore(), new RecordingPublisher()));
    private final String reference = harness.reference("report");
    private final String incidentJson = ScenarioHarness.incident(reference, ScenarioHarness.AWARE_AT);

    private CaseRecord scored(String name, String... rows) throws IOException {
        String key = harness.upload(name, incidentJson, rows);
        CaseRecord c = harness.ingest(key).caseRecord();
        for (RowBatch batch : harness.takeBatches()) {
            harness.score(batch, false);
        }
        assertEquals(CaseStatus.SCORED, cases.find(c.caseId()).orElseThrow().status());
        return cases.find(c.caseId()).orElseThrow();
    }

    private ReportService reports() {
        return harness.pipeline().report();
    }

    @Test
    void theFirstReportWritesItsFiveFilesEachWithItsOwnRenderingUnderTheIncidentsFolder() throws IOException {
        CaseRecord c = scored("first.csv", ScenarioHarness.row(harness.c1, "name;rank;photo"),
                ScenarioHarness.row(harness.t1, "pay_number;home_address"));

        ReportService.Rendered rendered = reports().renderFor(c.caseId()); // as it stands before: SCORED
        ReportOutcome outcome = reports().report(c.caseId());

        String folder = "reports/" + c.incidentId() + "/";
        assertEquals(List.of(folder + "federation-summary.json", folder + "oncall-summary.json",
                folder + "ico-art33-draft.md", folder + "ico-art33-draft.json", folder + "report.html"), outcome.keys());
        assertEquals(1, outcome.number());
        assertTrue(outcome.reportedNow());
        assertEquals(CaseStatus.REPORTED, outcome.caseRecord().status());
        assertEquals(rendered.federation().toJson(), objects.text(outcome.keys().get(0)));
        assertEquals(rendered.onCall().toJson(), objects.text(outcome.keys().get(1)));
        assertEquals(rendered.icoDraft().toMarkdown(), objects.text(outcome.keys().get(2)));
        assertEquals(rendered.icoDraft().toJson(), objects.text(outcome.keys().get(3)));
        assertEquals(rendered.html(), objects.text(outcome.keys().get(4)));
        assertEquals(List.of(), objects.list("rejects/"), "no rows were rejected, so nothing is exported");

        JsonNode onCall = Json.read(objects.text(outcome.keys().get(1)), JsonNode.class);
        assertEquals(2, onCall.path("personsTotal").asLong());
        assertEquals(1, onCall.path("byBand").path("VERY_HIGH").asLong());
        assertEquals(1, onCall.path("byBand").path("MEDIUM").asLong(), "staff, home address: DPC 2 x EI 0.75 + CB 1.0");
        assertEquals("initial", onCall.path("phase").asText());
        JsonNode draft = Json.read(objects.text(outcome.keys().get(3)), JsonNode.class);
        assertEquals(List.of("names", "ranks or grades", "photographs", "vetting levels",
                "pay numbers (internal staff identifiers)", "home addresses"),
                texts(draft.path("natureOfBreach").path("dataCategories")),
                "the incident's default categories and those the people's records show (home address), no others");
        assertTrue(objects.text(outcome.keys().get(2)).contains(ScenarioHarness.everythingAuto().version()),
                "the draft quotes the policy the case was scored under");
    }

    @Test
    void reportingPublishesTheTwoSummariesOnceAndRecordsTheReportOnTheIncident() throws IOException {
        CaseRecord c = scored("alerts.csv", ScenarioHarness.row(harness.s1, "name;rank;photo;vetting_level"));
        int alertsBefore = harness.published(Topic.ALERTS).size();

        reports().report(c.caseId());
        ReportOutcome again = reports().report(c.caseId());

        List<OutboundMessage> published = harness.published(Topic.ALERTS).subList(alertsBefore,
                harness.published(Topic.ALERTS).size());
        assertEquals(List.of(OnCallSummary.EVENT_TYPE, FederationSummary.EVENT_TYPE),
                published.stream().map(OutboundMessage::eventType).toList(), "once, however often it is asked");
        assertFalse(again.reportedNow());
        assertEquals(1, again.number());
        assertEquals(ReportService.keysFor(c.incidentId(), 1), again.keys());
        IncidentRecord incident = incidents.find(c.incidentId()).orElseThrow();
        IncidentReport report = incident.reportFor(c.caseId()).orElseThrow();
        assertTrue(report.published());
        assertEquals(1L, report.figures().get("persons.total"));
        assertEquals(1, incidents.decisions(c.incidentId()).stream().filter(d -> d.decision().equals("reported")).count());
        assertEquals("Report 1 (initial) after manifest case " + c.caseId() + ", over 1 distinct people.",
                incidents.decisions(c.incidentId()).stream().filter(d -> d.decision().equals("reported"))
                        .map(DecisionEntry::reason).findFirst().orElseThrow());
        assertEquals(1, cases.decisions(c.caseId()).stream().filter(d -> d.decision().equals("reported")).count());
    }

    @Test
    void aSecondManifestsReportIsFollowUpOneInAFolderOfItsOwn() throws IOException {
        CaseRecord first = scored("one.csv", ScenarioHarness.row(harness.t1, "name"));
        reports().report(first.caseId());
        CaseRecord second = scored("two.csv", ScenarioHarness.row(harness.t2, "name"));

        ReportService.Rendered before = reports().renderFor(second.caseId());
        ReportOutcome outcome = reports().report(second.caseId());

        assertEquals(2, outcome.number());
        assertEquals("reports/" + first.incidentId() + "/followup-1/federation-summary.json", outcome.keys().get(0));
        JsonNode onCall = Json.read(objects.text(outcome.keys().get(1)), JsonNode.class);
        assertEquals("follow-up 1", onCall.path("phase").asText());
        assertEquals(2, onCall.path("personsTotal").asLong(), "both manifests' people");
        assertEquals(before.onCall().toJson(), objects.text(outcome.keys().get(1)));
        assertEquals(before.federation().toJson(), objects.text(outcome.keys().get(0)));
        assertEquals(objects.text(outcome.keys().get(0)), reports().renderFor(first.incidentId()).federation().toJson(),
                "an incident id renders its latest report");
        assertEquals(2, reports().renderFor(first.caseId()).onCall().reportNumber() + 1,
                "a case id renders the report its scoring produced");
    }

    @Test
    void foldersAreNumberedFromTheInitialReport() {
        assertEquals("reports/IN-x/", ReportService.folderFor("IN-x", 1));
        assertEquals("reports/IN-x/", ReportService.folderFor("IN-x", 0));
        assertEquals("reports/IN-x/followup-1/", ReportService.folderFor("IN-x", 2));
        assertEquals("reports/IN-x/followup-2/", ReportService.folderFor("IN-x", 3));
        assertEquals("rejects/BT-1/rejects.jsonl", ReportService.rejectsKey("BT-1"));
    }

    @Test
    void rejectedRowsAreExportedOnePerLineInRowOrder() throws IOException {
        CaseRecord c = scored("rejects.csv", ScenarioHarness.row(harness.t1, "name"), "MP#1,name",
                ScenarioHarness.row(harness.t2, "shoe_size"), ",name");

        reports().report(c.caseId());

        List<String> lines = objects.text(ReportService.rejectsKey(c.caseId())).lines().toList();
        assertEquals(3, lines.size());
        List<Long> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(Json.read(line, JsonNode.class).path("rowNumber").asLong()));
        assertEquals(List.of(2L, 3L, 4L), rows);
    }

    @Test
    void aCaseNotYetScoredIsRefusedAndAnUnknownOneNamed() throws IOException {
        String key = harness.upload("unscored.csv", incidentJson, ScenarioHarness.row(harness.t3, "name"));
        CaseRecord c = harness.ingest(key).caseRecord();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reports().report(c.caseId()));
        assertEquals("case " + c.caseId() + " is SCORING; reports are written once it is SCORED", e.getMessage());
        assertEquals(List.of(), objects.list("reports/"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> reports().report("BT-0000000000000000"));
        assertEquals("no case BT-0000000000000000", unknown.getMessage());
        assertEquals("no case BT-0000000000000001",
                assertThrows(IllegalArgumentException.class, () -> reports().renderFor("BT-0000000000000001")).getMessage());
    }

    @Test
    void anIncidentWithNoReportYetRendersAsItStandsNow() throws IOException {
        CaseRecord c = scored("now.csv", ScenarioHarness.row(harness.c2, "name;photo"));

        ReportService.Rendered now = reports().renderFor(c.incidentId());

        assertEquals(1, now.onCall().reportNumber());
        assertEquals(1, now.onCall().personsTotal());
        assertEquals(List.of(), incidents.find(c.incidentId()).orElseThrow().reports(), "rendering stores nothing");
        assertEquals(List.of(), objects.list("reports/"));
        assertNull(incidents.find(c.incidentId()).orElseThrow().reportFor(c.caseId()).orElse(null));
        assertEquals(Instant.parse("2023-08-24T10:00:00Z"), now.onCall().generatedAt());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
