package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.BadInputCorpus;
import org.breachtriage.core.manifest.BadInputCorpus.BadInput;
import org.breachtriage.core.ports.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every bad manifest of {@link BadInputCorpus} through the Lambda handlers, in process on the
 * emulators: uploaded under {@code manifests/}, ingested from an S3 event, its batches scored and its
 * reports written. What they produce is grepped for the planted personal data: every function log
 * line (text and JSON shapes come from the same message), every exception a handler threw, every
 * {@code alerts} delivery (the case.failed e-mail included) and every case's decision log. None may
 * hold any. Two events that are bad in themselves go through too: one with no {@code Records}, and one
 * for an object that does not exist.
 */
@ExtendWith(EmulatorStackExtension.class)
class PersonalDataInHandlerOutputsTest {
    private final EmulatorStack stack;
    private final List<String> leaks = new ArrayList<>();

    PersonalDataInHandlerOutputsTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void noPlantedPersonalDataInAnyFunctionLogAlertOrDecisionLog() throws Exception {
        S3ObjectStore bucket = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        String folder = "manifests/leak-" + System.nanoTime() + "/";
        String fixture = Files.readString(Fixtures.events("s3/put-manifest.json"));
        Set<String> caseIds = new LinkedHashSet<>();
        int refusedWithACase = 0;
        try (PrivateQueues q = new PrivateQueues(stack);
             TopicTap alerts = TopicTap.subscribe(stack.clients(), stack.names().alertsTopicArn())) {
            IngestHandler ingest = new IngestHandler(q.wiring);
            for (BadInput input : BadInputCorpus.manifests()) {
                String key = folder + input.fileName();
                bucket.put(key, input.content(), "application/octet-stream", Map.of());
                CapturingContext log = new CapturingContext("ingest");
                IngestHandler.Summary summary = ingest.handleRequest(event(fixture, key), log);
                scan("ingest log of " + input, log.text());
                scan("ingest summary of " + input, Json.write(summary));
                caseIds.addAll(summary.caseIds());
                ObjectStore.ObjectInfo info = bucket.head(key).orElseThrow();
                String caseId = CaseIds.derive(key, info.version());
                if (q.wiring.adapters().cases().find(caseId).isPresent()) {
                    caseIds.add(caseId);
                    if (input.kind() == BadInputCorpus.Kind.MANIFEST_REFUSED) {
                        refusedWithACase++;
                    }
                }
            }
            scoreAndReport(q);

            // An event that is no S3 event, and one for an object deleted since: both fail the invocation, naming no person.
            CapturingContext log = new CapturingContext("ingest");
            scan("not an S3 event", assertThrows(UnprocessableEventException.class,
                    () -> ingest.handleRequest(Fixtures.s3EventFromJson("{\"Service\": \"Amazon S3\"}"), log)).getMessage());
            scan("missing object", assertThrows(UnprocessableEventException.class,
                    () -> ingest.handleRequest(event(fixture, folder + "deleted.csv"), log))
                    .getMessage());
            scan("ingest log of the bad events", log.text());

            int decisions = 0;
            for (String caseId : caseIds) {
                List<DecisionEntry> entries = q.wiring.adapters().cases().decisions(caseId);
                decisions += entries.size();
                scan("decision log of " + caseId, Json.write(entries));
            }
            List<TopicTap.Delivery> delivered = alerts.read(refusedWithACase, Duration.ofSeconds(30), Duration.ofSeconds(2),
                    d -> caseIds.contains(d.document().path("caseId").asText()));
            for (TopicTap.Delivery alert : delivered) {
                scan("alert " + alert.eventType(), alert.raw() + alert.attributes());
            }

            assertEquals(List.of(), leaks, "planted personal data in a function's output");
            // What was grepped is real: a failed case (with its alert) for every refused manifest but the
            // unsupported file type, which is refused before any case opens; the manifests with rejects ran.
            long refused = BadInputCorpus.manifests().stream().filter(i -> i.kind() == BadInputCorpus.Kind.MANIFEST_REFUSED).count();
            assertEquals(refused - 1, refusedWithACase);
            assertEquals(refusedWithACase, delivered.stream().filter(d -> "case.failed".equals(d.eventType())).count(),
                    "one case.failed alert per refused manifest");
            assertTrue(decisions >= caseIds.size(), "every case has a decision log");
        }
    }

    /** Scores every batch the ingests queued, then writes every report asked for, grepping their logs. */
    private void scoreAndReport(PrivateQueues q) {
        LambdaHarness harness = q.harness();
        ScoreHandler scorer = new ScoreHandler(q.wiring);
        ReportHandler reporter = new ReportHandler(q.wiring);
        for (List<Message> batch = harness.receive(q.names.batchQueueUrl(), 10, Duration.ofSeconds(1)); !batch.isEmpty();
                batch = harness.receive(q.names.batchQueueUrl(), 10, Duration.ofSeconds(1))) {
            CapturingContext log = new CapturingContext("score");
            harness.invoke(q.names.batchQueueUrl(), batch, scorer::handleRequest, log);
            scan("score log", log.text());
        }
        for (List<Message> reports = harness.receive(q.names.reportQueueUrl(), 10, Duration.ofSeconds(1)); !reports.isEmpty();
                reports = harness.receive(q.names.reportQueueUrl(), 10, Duration.ofSeconds(1))) {
            CapturingContext log = new CapturingContext("report");
            harness.invoke(q.names.reportQueueUrl(), reports, reporter::handleRequest, log);
            scan("report log", log.text());
        }
    }

    private static S3Event event(String fixture, String key) {
        return Fixtures.s3EventFromJson(fixture.replace("manifests/acme/met-idcard-2023.csv", LambdaHarness.encodeKey(key)));
    }

    private void scan(String where, String text) {
        List<String> found = BadInputCorpus.plantedIn(text == null ? "" : text);
        if (!found.isEmpty()) {
            leaks.add(where + ": " + found + " in: " + text.strip());
        }
    }
}
