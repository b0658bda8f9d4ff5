package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.AwsSettings;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

@ExtendWith(EmulatorStackExtension.class)
class PrimingTest {

    /** Endpoints nobody listens on: priming must not need them, since a checkpoint that fails fails the deployment. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    @Test
    void primingBuildsEverythingWithoutAnyRequestOrFailure() {
        RequestCounter counter = new RequestCounter();
        AwsSettings settings = AwsSettings.forEmulators(Region.EU_WEST_2, NOWHERE, NOWHERE).withInterceptors(counter);
        try (AwsClients clients = new AwsClients(settings)) {
            FunctionWiring wiring = new FunctionWiring(clients, ResourceNames.sandboxDefaults("eu-west-2"),
                    new PipelineSettings(ScoringPolicy.loadDefault(), PipelineTarget.FORCE, Clock.systemUTC()));
            Priming priming = new Priming(wiring);
            PrintStream original = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                priming.beforeCheckpoint(null);
                priming.afterRestore(null);
            } finally {
                System.setOut(original);
            }

            assertEquals(1, priming.timesPrimed());
            assertEquals("", out.toString(StandardCharsets.UTF_8), "no priming step was skipped");
            assertTrue(counter.snapshot().isEmpty(), "priming made requests: " + counter.snapshot());
            assertEquals(EVERY_REQUEST_KIND, priming.requests().operations(),
                    "one request of each kind the adapters send, answered from a canned body");
        }
    }

    /** What the adapters send, in the order RequestPriming primes it. */
    private static final List<String> EVERY_REQUEST_KIND = List.of(
            "DynamoDB_20120810.GetItem", "DynamoDB_20120810.BatchGetItem", "DynamoDB_20120810.PutItem",
            "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.BatchWriteItem", "DynamoDB_20120810.Query",
            "AmazonSQS.SendMessage", "AmazonSQS.SendMessageBatch", "SNS PublishBatch", "SNS PublishBatch",
            "S3 PUT", "S3 HEAD", "S3 GET", "S3 GET");

    /**
     * After priming, the same clients still talk to the network: priming answered from canned copies
     * of them, which are gone. A put and a head on S3, a read of DynamoDB and a send to SQS go to the
     * emulators and come back as the emulators say.
     */
    @Test
    void afterPrimingTheRealClientsTalkToTheEmulators(EmulatorStack stack) throws Exception {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            FunctionWiring wiring = new FunctionWiring(clients, stack.names(),
                    new PipelineSettings(ScoringPolicy.loadDefault(), PipelineTarget.FORCE, Clock.systemUTC()));
            Priming priming = new Priming(wiring);
            priming.prime();
            assertEquals(EVERY_REQUEST_KIND, priming.requests().operations());
            assertTrue(counter.snapshot().isEmpty(), "priming made requests: " + counter.snapshot());

            String key = "priming-test/" + System.nanoTime() + ".json";
            byte[] content = "{\"after\":\"priming\"}".getBytes(StandardCharsets.UTF_8);
            wiring.adapters().outputs().put(key, content, "application/json", Map.of());
            assertEquals(content.length, wiring.adapters().outputs().head(key).orElseThrow().size(), "the emulator has the object");
            assertTrue(wiring.adapters().cases().find("BT-0000000000000001").isEmpty(), "no such case in the emulated table");
            wiring.adapters().reportRequests().request("BT-0000000000000001");
            List<software.amazon.awssdk.services.sqs.model.Message> received = clients.sqs().receiveMessage(b -> b
                    .queueUrl(stack.names().reportQueueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1)).messages().stream()
                    .filter(m -> m.body().contains("BT-0000000000000001")).toList();
            assertEquals(1, received.size(), "the report request reached the emulated queue");
            // The queue is shared with the other tests of this stack: take the made-up request off it, or it
            // comes back after its visibility timeout as a report trigger another test does not expect.
            for (software.amazon.awssdk.services.sqs.model.Message m : received) {
                clients.sqs().deleteMessage(b -> b.queueUrl(stack.names().reportQueueUrl()).receiptHandle(m.receiptHandle()));
            }
            assertEquals(1, counter.calls("PutObject"));
            assertEquals(1, counter.calls("HeadObject"));
            assertEquals(1, counter.calls("GetItem"));
            assertEquals(1, counter.calls("SendMessage"));
        }
    }

    @Test
    void theSampleBatchSurvivesJsonAsTheQueueCarriesIt() {
        RowBatch sample = Priming.sampleBatch();
        assertEquals(sample, Json.read(Json.write(sample), RowBatch.class));
        assertEquals("BT-0000000000000000", SqsReportRequests.caseIdFrom(SqsReportRequests.body(sample.caseId())));
    }
}
