package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(EmulatorStackExtension.class)
class IngestHandlerTest {

    /** The key of events/s3/put-key-with-spaces.json, decoded. */
    static final String KEY_WITH_SPACES = "manifests/acme/ID cards – août 2023.csv";

    private final EmulatorStack stack;

    IngestHandlerTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            manifests/acme/met-idcard-2023.csv                     | manifests/acme/met-idcard-2023.csv
            manifests/acme/ID+cards+%E2%80%93+ao%C3%BBt+2023.csv   | manifests/acme/ID cards – août 2023.csv
            manifests/acme/a%2Bb+c.csv                             | manifests/acme/a+b c.csv
            manifests/acme/%C3%93+S%C3%BAilleabh%C3%A1in.jsonl     | manifests/acme/Ó Súilleabháin.jsonl
            manifests/acme/100%25.csv                              | manifests/acme/100%.csv
            """)
    void keysAreDecodedAsS3EncodesThem(String encoded, String decoded) {
        assertEquals(decoded, S3ManifestEvents.decodeKey(encoded));
        assertEquals(encoded, LambdaHarness.encodeKey(decoded), "the test harness encodes as S3 does");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            manifests/acme/met-idcard-2023.csv                  | true
            manifests/acme/2023/lanyard.jsonl                   | true
            manifests/acme/met-idcard-2023.csv.incident.json    | false
            manifests/acme/                                     | false
            reports/BT-e7e475f1c7a00001/federation-summary.json | false
            rejects/BT-e7e475f1c7a00001/rejects.jsonl           | false
            manifestsX/acme/a.csv                               | false
            acme/manifests/a.csv                                | false
            """)
    void onlyManifestsAreIngestedNeverSidecarsOrOurOwnOutputs(String key, boolean ingested) {
        assertEquals(ingested, S3ManifestEvents.isManifestKey(key));
    }

    @Test
    void theFixtureRecordsDecodeToTheirKeysAndOwnOutputsAreLeftAlone() {
        try (PrivateQueues q = new PrivateQueues(stack)) {
            IngestHandler handler = new IngestHandler(q.wiring);
            assertEquals("manifests/acme/met-idcard-2023.csv",
                    S3ManifestEvents.manifestKey(Fixtures.s3Event("s3/put-manifest.json").getRecords().get(0), q.names.bucket()));
            assertEquals(KEY_WITH_SPACES, S3ManifestEvents.manifestKey(Fixtures.s3Event("s3/put-key-with-spaces.json").getRecords().get(0), q.names.bucket()));
            assertNull(S3ManifestEvents.manifestKey(Fixtures.s3Event("s3/put-own-output.json").getRecords().get(0), q.names.bucket()));

            CapturingContext log = new CapturingContext("ingest");
            IngestHandler.Summary summary = handler.handleRequest(Fixtures.s3Event("s3/put-own-output.json"), log);

            IgnoredRecord ignored = new IgnoredRecord("s3://breach-triage-local/reports/BT-e7e475f1c7a00001/federation-summary.json",
                    "one of triage's own outputs; only keys under manifests/ are manifests");
            assertEquals(new IngestHandler.Summary(List.of(), 1, 0, List.of(ignored)), summary);
            assertEquals(Map.of(), q.counter.snapshot(), "an ignored record costs no AWS request");
            assertTrue(log.text().contains("ignored " + ignored.describe()), log.text());
        }
    }

    @Test
    void recordsForAnotherBucketOrNotACreationAreLeftAlone() throws Exception {
        String fixture = Files.readString(Fixtures.events("s3/put-manifest.json"));
        S3Event otherBucket = Fixtures.s3EventFromJson(fixture.replace("\"name\": \"breach-triage-local\"", "\"name\": \"someone-else\""));
        S3Event removed = Fixtures.s3EventFromJson(fixture.replace("ObjectCreated:Put", "ObjectRemoved:Delete"));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            IngestHandler handler = new IngestHandler(q.wiring);
            assertEquals(1, handler.handleRequest(otherBucket, new CapturingContext("ingest")).ignored());
            assertEquals(1, handler.handleRequest(removed, new CapturingContext("ingest")).ignored());
            assertEquals(Map.of(), q.counter.snapshot());
        }
    }

    @Test
    void aKeyWithSpacesAndNonAsciiIsIngestedOnceUnderItsDecodedName() throws Exception {
        S3ObjectStore bucket = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        bucket.put(KEY_WITH_SPACES + IngestHandler.SIDECAR_SUFFIX,
                Files.readAllBytes(Fixtures.events("manifests/with-errors.csv.incident.json")), "application/json", Map.of());
        bucket.put(KEY_WITH_SPACES, Files.readAllBytes(Fixtures.events("manifests/with-errors.csv")), "text/csv", Map.of());
        S3Event event = Fixtures.s3Event("s3/put-key-with-spaces.json");

        try (PrivateQueues q = new PrivateQueues(stack)) {
            IngestHandler handler = new IngestHandler(q.wiring);
            IngestHandler.Summary first = handler.handleRequest(event, new CapturingContext("ingest"));
            IngestHandler.Summary again = handler.handleRequest(event, new CapturingContext("ingest"));

            assertEquals(1, first.caseIds().size());
            assertEquals(first.caseIds(), again.caseIds(), "a re-delivered event finds the same case");
            CaseRecord opened = q.wiring.adapters().cases().find(first.caseIds().get(0)).orElseThrow();
            assertEquals(KEY_WITH_SPACES, opened.source());
            assertEquals(CaseStatus.SCORING, opened.status());
            assertEquals("INC-2023-0826-B", opened.incident().reference(), "the sidecar beside the key was read");
            assertEquals(30, opened.counter(Counters.ROWS_READ));
            assertEquals(26, opened.counter(Counters.ROWS_ACCEPTED));
            assertEquals(4, opened.counter(Counters.ROWS_REJECTED));
            assertEquals(1, opened.batchesQueued());

            List<Message> queued = q.harness().receive(q.names.batchQueueUrl(), 10, Duration.ofSeconds(1));
            assertEquals(1, queued.size(), "one batch queued, and none again for the re-delivered event");
            RowBatch batch = Json.read(queued.get(0).body(), RowBatch.class);
            assertEquals(opened.caseId(), batch.caseId());
            assertEquals(26, batch.rows().size());
            assertTrue(q.harness().receive(q.names.reportQueueUrl(), 10, Duration.ZERO).isEmpty(), "nothing to report yet");
        }
    }

    @Test
    void aManifestOfAnUnsupportedTypeIsNotRetriedAndNothingIsQueued() throws Exception {
        String key = "manifests/acme/notes " + System.nanoTime() + ".txt";
        new S3ObjectStore(stack.clients().s3(), stack.names().bucket()).put(key, "MP000001".getBytes(), "text/plain", Map.of());
        String fixture = Files.readString(Fixtures.events("s3/put-manifest.json"));
        S3Event event = Fixtures.s3EventFromJson(fixture.replace("manifests/acme/met-idcard-2023.csv", LambdaHarness.encodeKey(key)));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            CapturingContext log = new CapturingContext("ingest");
            IngestHandler.Summary summary = new IngestHandler(q.wiring).handleRequest(event, log);

            assertEquals(new IngestHandler.Summary(List.of(), 0, 1, List.of()), summary);
            assertTrue(log.text().contains("not retried"), log.text());
            assertFalse(log.text().contains("MP000001"), "no file content in the log");
            assertTrue(q.harness().receive(q.names.batchQueueUrl(), 10, Duration.ZERO).isEmpty());
        }
    }

    @Test
    void anEventWithoutRecordsIsNotAnS3EventAndFailsTheInvocation() {
        try (PrivateQueues q = new PrivateQueues(stack)) {
            IngestHandler handler = new IngestHandler(q.wiring);
            for (String json : List.of("{\"Service\": \"Amazon S3\", \"Event\": \"s3:TestEvent\"}", "{\"Records\": []}")) {
                UnprocessableEventException e = assertThrows(UnprocessableEventException.class,
                        () -> handler.handleRequest(Fixtures.s3EventFromJson(json), new CapturingContext("ingest")));
                assertEquals("not an S3 event: it has no Records", e.getMessage());
            }
            assertEquals(Map.of(), q.counter.snapshot(), "refused before any AWS request");
        }
    }

    @Test
    void anEventForAnObjectThatDoesNotExistNamesBucketAndKeyIsNotRetryableAndFailsTheInvocation() throws Exception {
        // Thrown, so that Lambda sends the event to the ingest function's on-failure destination
        // (template.yaml, checked by TemplateTest); the other manifest of the same event is ingested first.
        String missing = "manifests/acme/deleted " + System.nanoTime() + ".csv";
        String present = "manifests/acme/present " + System.nanoTime() + ".csv";
        new S3ObjectStore(stack.clients().s3(), stack.names().bucket())
                .put(present, Files.readAllBytes(Fixtures.events("manifests/with-errors.csv")), "text/csv", Map.of());
        String fixture = Files.readString(Fixtures.events("s3/put-manifest.json"));
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(fixture);
        ArrayNode records = (ArrayNode) event.path("Records");
        JsonNode second = records.get(0).deepCopy();
        ((ObjectNode) records.get(0).path("s3").path("object")).put("key", LambdaHarness.encodeKey(missing));
        ((ObjectNode) second.path("s3").path("object")).put("key", LambdaHarness.encodeKey(present));
        records.add(second);
        try (PrivateQueues q = new PrivateQueues(stack)) {
            CapturingContext log = new CapturingContext("ingest");
            UnprocessableEventException e = assertThrows(UnprocessableEventException.class,
                    () -> new IngestHandler(q.wiring).handleRequest(Fixtures.s3EventFromJson(Json.write(event)), log));

            String uri = "s3://" + stack.names().bucket() + "/" + missing;
            assertEquals("no such object: " + uri + " (deleted since the event was sent?); not retryable: the event goes to "
                    + "the on-failure destination", e.getMessage());
            assertTrue(log.text().contains(uri + " does not exist; not retryable"), log.text());
            assertFalse(log.text().contains("will be retried"), log.text());
            assertEquals(1, q.harness().receive(q.names.batchQueueUrl(), 10, Duration.ofSeconds(1)).size(),
                    "the manifest that exists was ingested before the invocation failed");
        }
    }

    @Test
    void aManifestWithNothingToScoreIsScoredByIngestWhichSendsTheReportTrigger() throws Exception {
        String key = "manifests/acme/empty " + System.nanoTime() + ".csv";
        new S3ObjectStore(stack.clients().s3(), stack.names().bucket())
                .put(key, "pay_number,exposed_fields\n".getBytes(), "text/csv", Map.of());
        String fixture = Files.readString(Fixtures.events("s3/put-manifest.json"));
        S3Event event = Fixtures.s3EventFromJson(fixture.replace("manifests/acme/met-idcard-2023.csv", LambdaHarness.encodeKey(key)));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            IngestHandler handler = new IngestHandler(q.wiring);
            String caseId = handler.handleRequest(event, new CapturingContext("ingest")).caseIds().get(0);

            assertEquals(CaseStatus.SCORED, q.wiring.adapters().cases().find(caseId).orElseThrow().status());
            assertEquals(List.of(caseId), triggers(q), "ingest made the flip to SCORED, so it sends the trigger");

            // S3 re-delivers; the case is still SCORED (not yet reported), so the trigger may have been lost: again.
            handler.handleRequest(event, new CapturingContext("ingest"));
            assertEquals(List.of(caseId), triggers(q));
            assertTrue(q.harness().receive(q.names.batchQueueUrl(), 10, Duration.ZERO).isEmpty(), "no batch to score");
        }
    }

    private static List<String> triggers(PrivateQueues q) {
        List<Message> messages = q.harness().receive(q.names.reportQueueUrl(), 10, Duration.ZERO);
        q.harness().deleteExcept(q.names.reportQueueUrl(), messages, java.util.Set.of());
        return messages.stream().map(m -> SqsReportRequests.caseIdFrom(m.body())).toList();
    }
}
