package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorStackExtension.class)
class AwsClientsTest {

    private final EmulatorStack stack;

    AwsClientsTest(EmulatorStack stack) {
        this.stack = stack;
    }

    /** The CLI and the functions configure endpoints through the standard AWS variables; follow that path end to end. */
    @Test
    void endpointVariablesReachTheEmulatorsWithPathStyleS3() throws Exception {
        AwsSettings fromEnv = AwsSettings.fromEnvironment(Map.of(
                "AWS_REGION", stack.state().region(),
                "AWS_ENDPOINT_URL", stack.state().fauxqs().endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", stack.state().dynalite().endpoint().toString()));
        AwsSettings settings = new AwsSettings(fromEnv.region(), fromEnv.endpoints(), AwsSettings.EMULATOR_CREDENTIALS, List.of());
        try (AwsClients clients = new AwsClients(settings)) {
            S3ObjectStore store = new S3ObjectStore(clients.s3(), stack.names().bucket());
            String key = TestData.uniqueId("env") + "/x.txt";
            store.put(key, new byte[] {1, 2, 3}, "text/plain", Map.of());
            try (InputStream in = store.open(key)) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
            }
            assertTrue(clients.dynamoDb().listTables().tableNames().contains(stack.names().caseTable()));
            assertTrue(clients.sqs().listQueues().queueUrls().contains(stack.names().batchQueueUrl()));
            assertTrue(clients.sns().listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(stack.names().alertsTopicArn())));
        }
    }

    @Test
    void eachClientIsBuiltOnceAndCountedPerOperation() {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            assertSame(clients.dynamoDb(), clients.dynamoDb());
            clients.dynamoDb().listTables();
            clients.dynamoDb().listTables();
            clients.sqs().listQueues();
            assertEquals(2, counter.calls("DynamoDb", "ListTables"));
            assertEquals(2, counter.attempts("ListTables"));
            assertEquals(1, counter.callsTo("Sqs"));
            assertEquals(Map.of("DynamoDb.ListTables", 2L, "Sqs.ListQueues", 1L), counter.snapshot());
        }
    }
}
