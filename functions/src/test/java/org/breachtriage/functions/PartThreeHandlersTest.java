package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.breachtriage.aws.sandbox.EventSourceSimulator;
import org.breachtriage.aws.sandbox.LambdaRunner;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.release.ReleaseNotices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Norfolk & Suffolk-style sample ({@code events/part3/}: victims and witnesses, no pay numbers, no
 * regime stated) through the Lambda handlers on the emulators, as {@code triage --aws process} runs them:
 * the S3 event to the ingest handler, then the batch, release and report queues drained into the score,
 * release and report handlers. Then a person withholds one victim's notice under DPA 2018 s.68(7) and two
 * approvers release the rest, as {@code triage --aws hold} and {@code release} do through core.
 */
@ExtendWith(EmulatorStackExtension.class)
class PartThreeHandlersTest {
    private static final Path SAMPLE = Path.of("..", "events", "part3", "norfolk-suffolk-2021.csv");

    private final EmulatorStack stack;

    PartThreeHandlersTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void victimsAndWitnessesGoThroughTheHandlersUnderPartThreeAndTheStaffTableIsNeverAsked() throws Exception {
        try (PrivateQueues q = new PrivateQueues(stack)) {
            ObjectStore objects = q.wiring.adapters().outputs();
            String key = "manifests/part3-" + UUID.randomUUID() + "/norfolk-suffolk-2021.csv";
            ObjectNode sidecar = (ObjectNode) Json.read(Files.readString(Path.of(SAMPLE + ".incident.json")), JsonNode.class);
            sidecar.put("reference", "NSC-" + UUID.randomUUID()); // an incident of this test's own in the shared table
            objects.put(key + ".incident.json", Json.write(sidecar).getBytes(StandardCharsets.UTF_8), "application/json",
                    Map.of());
            objects.put(key, Files.readAllBytes(SAMPLE), "text/csv", Map.of());

            EventSourceSimulator events = new EventSourceSimulator(stack.clients().sqs(), "us-east-1");
            IngestHandler.Summary ingested = new IngestHandler(q.wiring).handleRequest(
                    q.harness().objectCreated(q.names.bucket(), objects.head(key).orElseThrow()), new CapturingContext("ingest"));
            assertEquals(1, ingested.caseIds().size(), ingested.toString());
            PrintWriter err = new PrintWriter(new StringWriter());
            ScoreHandler scorer = new ScoreHandler(q.wiring);
            assertEquals(0, LambdaRunner.drain(stack.clients().sqs(), events, q.names.batchQueueUrl(),
                    e -> scorer.handleRequest(e, new CapturingContext("score")), err).failed());
            ReleaseHandler releaser = new ReleaseHandler(q.wiring);
            assertEquals(0, LambdaRunner.drain(stack.clients().sqs(), events, q.names.releaseQueueUrl(),
                    e -> releaser.handleRequest(e, new CapturingContext("release")), err).failed());
            ReportHandler reporter = new ReportHandler(q.wiring);
            assertEquals(1, LambdaRunner.drain(stack.clients().sqs(), events, q.names.reportQueueUrl(),
                    e -> reporter.handleRequest(e, new CapturingContext("report")), err).delivered());

            CaseRecord c = q.wiring.adapters().cases().find(ingested.caseIds().getFirst()).orElseThrow();
            String id = c.incidentId();
            assertEquals("REPORTED", c.status().name());
            assertEquals(11, c.counter(Counters.PERSONS_TOTAL));
            assertEquals(11, c.counter(Counters.PERSONS_NON_STAFF));
            assertEquals(Regime.DPA_2018_PART_3, q.wiring.adapters().incidents().find(id).orElseThrow().reportingRegime());

            String draft = text(objects, "reports/" + id + "/ico-art33-draft.md");
            assertTrue(draft.contains("Data Protection Act 2018, Part 3, section 67"), draft);
            assertFalse(draft.contains("GDPR"), draft);
            JsonNode federation = Json.read(text(objects, "reports/" + id + "/federation-summary.json"), JsonNode.class);
            assertEquals("0", federation.path("peopleAffected").asText(), "no victim in the Federation summary");
            federation.path("byBand").forEach(n -> assertEquals("0", n.asText(), federation.toString()));

            // s.68(7): one victim's notice withheld on a ground a person chose, then two approvers release the rest.
            List<IncidentPerson> waiting = new ArrayList<>();
            q.wiring.adapters().persons().forEach(id, p -> {
                if (p.notices().stream().anyMatch(PersonNotice::awaitingRelease)) {
                    waiting.add(p);
                }
            });
            IncidentPerson victim = waiting.stream().filter(p -> p.payNumber().startsWith("VICTIM:")).findFirst()
                    .orElseThrow();
            var release = q.wiring.pipeline().release();
            assertTrue(release.hold(new ReleaseNotices.HoldPerson(id, victim.payNumber(), "Dana Dpo", "arn:dana",
                    "an arrest is planned", S68Restriction.INQUIRY)).changed());
            release.approve(new ReleaseNotices.Approve(id, Approver.byIdentity("Alice Dpo", "arn:alice"), null, "checked"));
            release.approve(new ReleaseNotices.Approve(id, Approver.byIdentity("Bob Deputy", "arn:bob"), null, "checked"));

            List<DecisionEntry> log = q.wiring.adapters().incidents().decisions(id);
            assertTrue(log.stream().anyMatch(d -> d.decision().equals("s.68(7) restriction")
                    && d.reason().contains("DPA 2018 s.68(7)(a)") && d.reason().contains("an arrest is planned")), log.toString());
            for (IncidentPerson before : waiting) {
                IncidentPerson now = q.wiring.adapters().persons().find(id, before.payNumber()).orElseThrow();
                PersonNotice notice = now.notices().getLast();
                assertEquals(!now.payNumber().equals(victim.payNumber()), notice.published(),
                        now.payNumber() + ": the restricted notice alone stays back");
                if (notice.published()) {
                    String letter = text(objects, Letters.noticeKey(id, notice.noticeId()));
                    // MEDIUM's information notices wait for approvers too now (s.68(7) must be decidable
                    // first); only an s.68 notice, not an information notice, cites the section.
                    assertTrue(!notice.art34() || letter.contains("s.68") || letter.contains("section 68"), letter);
                    assertFalse(letter.contains("Art. 34") || letter.contains("Article 34"), letter);
                }
            }
            assertEquals(0, q.counter.calls("DynamoDb", "BatchGetItem"),
                    "the staff table is never asked about victims or witnesses (its only reads are BatchGetItem)");
            q.counter.targets().values().forEach(tables -> assertFalse(tables.contains(q.names.staffTable()),
                    "no call addresses the staff table"));
        }
    }

    private static String text(ObjectStore objects, String key) throws IOException {
        try (InputStream in = objects.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
