package org.breachtriage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.breachtriage.core.testing.RecordingReportRequests;
import org.junit.jupiter.api.Test;

/**
 * {@link IngestService} on the in-memory fakes, with a queue that records each send: how rows become
 * batches and sends, where the incident comes from (operator, sidecar, object metadata, envelope, or
 * the conservative assumption), the rejects it keeps, what it writes in the decision logs, and when
 * it reads a manifest again.
 */
class IngestServiceTest {
    private static final String FORCE = "Metropolitan Police Service";
    private static final Instant NOW = Instant.parse("2023-08-24T10:00:00Z");
    private static final String HEADER = "pay_number,exposed_fields\n";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore();
    private final RecordingReportRequests reports = new RecordingReportRequests();
    private final CaseLifecycle lifecycle = new CaseLifecycle(cases, new RecordingPublisher(), reports, clock);
    private final IncidentService incidents = new IncidentService(incidentStore, clock);
    private final List<List<RowBatch>> sends = new ArrayList<>();
    private final IngestService ingest = new IngestService(objects, cases, lifecycle, incidents,
            batches -> sends.add(List.copyOf(batches)), "policy-test", FORCE, clock);

    @Test
    void rowsGoInBatchesOfAHundredSentTenAtATime() throws IOException {
        put("big.csv", rows(1_050));
        putSidecar("big.csv", ScenarioHarness.incident("INC-INGEST-BIG", NOW));

        IngestOutcome outcome = ingest.ingest(IngestManifest.Command.of("big.csv"));

        assertEquals(List.of(10, 1), sends.stream().map(List::size).toList());
        List<RowBatch> all = sends.stream().flatMap(List::stream).toList();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.get(i).batchNo());
            assertEquals(i < 10 ? 100 : 50, all.get(i).rows().size());
            assertEquals(i * 100L + 1, all.get(i).rows().get(0).rowNumber());
            assertEquals(outcome.caseRecord().incidentId(), all.get(i).incidentId());
        }
        assertEquals(11, outcome.caseRecord().batchesQueued());
        assertEquals(CaseStatus.SCORING, outcome.caseRecord().status());
        assertFalse(outcome.alreadyIngested());
        assertFalse(outcome.scoredNow());
        assertEquals(new org.breachtriage.core.manifest.ManifestReader.ReadSummary(1_050, 1_050, 0), outcome.summary());
    }

    @Test
    void exactlyAHundredRowsIsOneBatchAndOneSend() throws IOException {
        put("hundred.csv", rows(100));
        ingest.ingest(IngestManifest.Command.of("hundred.csv"));
        assertEquals(List.of(1), sends.stream().map(List::size).toList());
        assertEquals(100, sends.get(0).get(0).rows().size());
    }

    @Test
    void aManifestWithNoDataRowsIsRefusedAndQueuesAndReportsNothing() throws IOException {
        put("empty.csv", HEADER);
        ManifestFormatException refused = assertThrows(ManifestFormatException.class,
                () -> ingest.ingest(IngestManifest.Command.of("empty.csv")));
        assertTrue(refused.getMessage().startsWith("empty.csv: no data rows"), refused.getMessage());
        assertEquals(List.of(), sends);
        assertEquals(List.of(), reports.requested(), "no REPORTED case of 0 people");
    }

    @Test
    void aManifestOfRejectsOnlyQueuesNothingAndIsScoredAtOnce() throws IOException {
        put("rejects-only.csv", HEADER + "BAD#1,name\nBAD#2,name\n");
        IngestOutcome outcome = ingest.ingest(IngestManifest.Command.of("rejects-only.csv"));
        assertEquals(List.of(), sends);
        assertTrue(outcome.scoredNow());
        assertEquals(CaseStatus.SCORED, outcome.caseRecord().status());
        assertEquals(1, reports.requested().size());
    }

    @Test
    void everyRejectIsKeptAcrossTheWritesThatHoldFiveHundredEach() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 1_001; i++) {
            csv.append("BAD#").append(i).append(",name\n");
        }
        csv.append("GOOD-1,name\n");
        put("rejects.csv", csv.toString());

        IngestOutcome outcome = ingest.ingest(IngestManifest.Command.of("rejects.csv"));

        List<Long> rejected = new ArrayList<>();
        cases.forEachReject(outcome.caseRecord().caseId(), r -> rejected.add(r.rowNumber()));
        assertEquals(1_001, rejected.size());
        assertEquals(1L, rejected.get(0));
        assertEquals(1_001L, rejected.get(1_000));
        assertEquals(new org.breachtriage.core.manifest.ManifestReader.ReadSummary(1_002, 1, 1_001), outcome.summary());
    }

    // --- where the incident comes from ------------------------------------------------------------

    @Test
    void theOperatorsIncidentWinsOverTheSidecar() throws IOException {
        put("explicit.csv", rows(1));
        putSidecar("explicit.csv", ScenarioHarness.incident("INC-FROM-SIDECAR", NOW));
        IncidentMetadata operator = new IncidentMetadata("Operator Ltd", "INC-FROM-OPERATOR", NOW, false,
                Confidentiality.NO_EVIDENCE, Integrity.NONE, Availability.NONE, java.util.Set.of(DataCategory.NAME),
                List.of());

        CaseRecord c = ingest.ingest(new IngestManifest.Command("explicit.csv", operator, false)).caseRecord();

        assertEquals(operator, c.incident());
        assertEquals(operator, sends.get(0).get(0).incident());
    }

    @Test
    void withoutASidecarTheObjectsMetadataIsTheIncident() throws IOException {
        objects.put("meta.csv", rows(1).getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("supplier", "Meta Ltd",
                "reference", "INC-FROM-METADATA", "aware-at", "2023-08-20T00:00:00Z", "malicious", "false",
                "confidentiality", "KNOWN_RECIPIENTS", "integrity", "NONE", "availability", "NONE",
                "default-exposed-fields", "name"));

        CaseRecord c = ingest.ingest(IngestManifest.Command.of("meta.csv")).caseRecord();

        assertEquals("INC-FROM-METADATA", c.incident().reference());
        assertFalse(c.incident().malicious());
        assertEquals(Confidentiality.KNOWN_RECIPIENTS, c.incident().confidentiality());
        assertEquals(Instant.parse("2023-08-20T00:00:00Z"), c.incident().awareAt());
    }

    @Test
    void withNothingKnownTheWorstIsAssumedAndLogged() throws IOException {
        objects.put("bare.csv", rows(1).getBytes(StandardCharsets.UTF_8), "text/csv", Map.of("unrelated", "x"));

        CaseRecord c = ingest.ingest(IngestManifest.Command.of("bare.csv")).caseRecord();

        assertTrue(c.incident().malicious());
        assertEquals(Confidentiality.UNKNOWN_RECIPIENTS, c.incident().confidentiality());
        assertEquals(NOW, c.incident().awareAt());
        assertEquals(8, decisions(c, "assumption").size(), "each missing field is an assumption on record");
        assertEquals(List.of("The manifest names no incident reference, so it is an incident of its own: "
                + c.incidentId() + ". Give later manifests of the same breach a reference to join them up."),
                decisions(c, "incident"));
    }

    @Test
    void aJsonEnvelopesIncidentIsUsedWhenThereIsNoSidecar() throws IOException {
        put("envelope.json", "{\"incident\": {\"supplier\": \"Envelope Ltd\", \"reference\": \"INC-ENVELOPE\","
                + " \"malicious\": true}, \"records\": [{\"pay_number\": \"E-1\", \"exposed_fields\": \"name\"}]}");

        CaseRecord c = ingest.ingest(IngestManifest.Command.of("envelope.json")).caseRecord();

        assertEquals("INC-ENVELOPE", c.incident().reference());
        assertEquals("Envelope Ltd", c.incident().supplier());
    }

    @Test
    void aSidecarWinsOverTheEnvelopesIncident() throws IOException {
        put("both.json", "{\"incident\": {\"supplier\": \"Envelope Ltd\", \"reference\": \"INC-ENVELOPE\"},"
                + " \"records\": [{\"pay_number\": \"E-1\", \"exposed_fields\": \"name\"}]}");
        putSidecar("both.json", ScenarioHarness.incident("INC-SIDECAR-FIRST", NOW));

        CaseRecord c = ingest.ingest(IngestManifest.Command.of("both.json")).caseRecord();

        assertEquals("INC-SIDECAR-FIRST", c.incident().reference());
    }

    // --- the decision logs ---------------------------------------------------------------------------

    @Test
    void joiningAnIncidentIsLoggedOnceWithWhatItSuperseded() throws IOException {
        String reference = "INC-INGEST-JOIN";
        put("first.csv", rows(1));
        putSidecar("first.csv", ScenarioHarness.incident(reference, NOW));
        CaseRecord first = ingest.ingest(IngestManifest.Command.of("first.csv")).caseRecord();
        put("second.csv", rows(2));
        putSidecar("second.csv", ScenarioHarness.incident(reference, NOW, "first.csv", "nowhere.csv"));

        CaseRecord second = ingest.ingest(IngestManifest.Command.of("second.csv")).caseRecord();

        assertEquals(first.incidentId(), second.incidentId());
        assertEquals(List.of("Joined incident " + first.incidentId() + " (reference " + reference + ", force " + FORCE
                + "), which now has 2 manifest(s); its Art. 33 deadline is 2023-08-27T10:00:00Z."), decisions(second, "incident"));
        assertEquals(List.of("supersedes 'first.csv': case(s) " + first.caseId() + " superseded",
                "supersedes 'nowhere.csv': no other manifest of incident " + first.incidentId()
                        + " has that source or case id, so nothing was superseded"), decisions(second, "supersedes"));
        assertTrue(incidentStore.find(first.incidentId()).orElseThrow().manifest(first.caseId()).orElseThrow().superseded());
        assertEquals(List.of("Manifest first.csv (case " + first.caseId() + ") joined the incident; it says the force became"
                        + " aware at " + NOW + ".", "Manifest second.csv (case " + second.caseId() + ") joined the incident;"
                        + " it says the force became aware at " + NOW + "."), incidentLog(first.incidentId(), "manifest joined"));
        assertEquals(List.of("Manifest case " + first.caseId() + " is superseded by case " + second.caseId() + ": its rows no"
                + " longer count towards the incident's figures; people named only in it are listed as no longer listed,"
                + " for review, and are sent nothing automatically."), incidentLog(first.incidentId(), "manifest superseded"));

        put("third.csv", rows(3));
        putSidecar("third.csv", ScenarioHarness.incident(reference, NOW, first.caseId()));
        CaseRecord third = ingest.ingest(IngestManifest.Command.of("third.csv")).caseRecord();
        assertEquals(List.of("supersedes '" + first.caseId() + "': case(s) " + first.caseId() + " superseded"),
                decisions(third, "supersedes"));
        assertEquals(1, incidentLog(first.incidentId(), "manifest superseded").size(), "superseded once, logged once");
        assertEquals(second.caseId(), incidentStore.find(first.incidentId()).orElseThrow().manifest(first.caseId())
                .orElseThrow().supersededBy(), "still by the first that superseded it");

        // The same file read again (a re-delivered S3 event) joins nothing new and logs nothing new.
        clock.advance(java.time.Duration.ofMinutes(5));
        ingest.ingest(IngestManifest.Command.of("second.csv"));
        assertEquals(3, incidentLog(first.incidentId(), "manifest joined").size(), "first, second and third, once each");
        // Every entry is the incident's, stamped when it happened (the clock had not moved), and the log holds
        // these two kinds of entry only.
        List<DecisionEntry> log = incidentStore.decisions(first.incidentId());
        assertEquals(4, log.size(), "3 joined + 1 superseded: " + log);
        for (DecisionEntry entry : log) {
            assertEquals("incident", entry.subject(), entry.toString());
            assertEquals(NOW, entry.at(), entry.toString());
        }
    }

    private List<String> incidentLog(String incidentId, String decision) {
        return incidentStore.decisions(incidentId).stream().filter(d -> d.decision().equals(decision))
                .map(DecisionEntry::reason).toList();
    }

    // --- reading again -------------------------------------------------------------------------------

    @Test
    void theSameFileAgainIsFoundAndAScoredCaseAsksForItsReportAgain() throws IOException {
        put("again.csv", HEADER + "BAD#1,name\n"); // rejects only: scored at once, no batch to score
        IngestOutcome first = ingest.ingest(IngestManifest.Command.of("again.csv"));
        reports.clear();

        IngestOutcome again = ingest.ingest(IngestManifest.Command.of("again.csv"));

        assertTrue(again.alreadyIngested());
        assertEquals(first.caseRecord().caseId(), again.caseRecord().caseId());
        assertEquals(null, again.summary());
        assertEquals(List.of(first.caseRecord().caseId()), reports.requested(), "the first request may have been lost");
    }

    @Test
    void aCaseLeftScoringIsReadAgainOnlyWhenAskedTo() throws IOException {
        put("unfinished.csv", rows(150));
        ingest.ingest(IngestManifest.Command.of("unfinished.csv"));
        sends.clear();

        IngestOutcome left = ingest.ingest(IngestManifest.Command.of("unfinished.csv"));
        assertTrue(left.alreadyIngested());
        assertEquals(List.of(), sends, "SQS keeps the batches: nothing is queued again");

        IngestOutcome requeued = ingest.ingest(new IngestManifest.Command("unfinished.csv", null, true));
        assertFalse(requeued.alreadyIngested());
        assertEquals(List.of(2), sends.stream().map(List::size).toList(), "an in-process queue lost them: both again");
    }

    @Test
    void aFileThatIsNotAManifestFailsItsCaseAndJoinsNoIncident() throws IOException {
        put("semicolons.csv", "pay_number;exposed_fields\nA;name\n");

        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> ingest.ingest(IngestManifest.Command.of("semicolons.csv")));

        assertTrue(e.getMessage().startsWith("semicolons.csv"), e.getMessage());
        CaseRecord failed = cases.list().get(0);
        assertEquals(CaseStatus.FAILED, failed.status());
        assertEquals(e.getMessage(), failed.failureReason());
        assertEquals(List.of(), incidentStore.list());
    }

    @Test
    void aMissingObjectIsNamed() {
        ObjectStore.ObjectNotFoundException e = assertThrows(ObjectStore.ObjectNotFoundException.class,
                () -> ingest.ingest(IngestManifest.Command.of("missing.csv")));
        assertTrue(e.getMessage().contains("missing.csv"), e.getMessage());
    }

    private List<String> decisions(CaseRecord c, String decision) {
        return cases.decisions(c.caseId()).stream().filter(d -> d.decision().equals(decision))
                .map(DecisionEntry::reason).toList();
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            csv.append("ING-").append(i).append(",name\n");
        }
        return csv.toString();
    }

    private void put(String key, String content) throws IOException {
        objects.put(key, content.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
    }

    private void putSidecar(String key, String json) throws IOException {
        objects.put(key + ".incident.json", json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }
}
