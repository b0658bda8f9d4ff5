package org.breachtriage.aws.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.ports.contract.ReleaseRequestsContract;
import org.breachtriage.core.release.ReleaseRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release-request contract on SQS (fauxqs), with a queue of each test's own; the consumer side
 * receives, parses with {@link SqsReleaseRequests#requestFrom} as the release function does, and
 * deletes, so every delivery is a round trip through the body on the wire. Also: the body's shape, and
 * bodies that are not requests, each refused with a reason that quotes nothing of them.
 */
@ExtendWith(EmulatorStackExtension.class)
class SqsReleaseRequestsContractTest extends ReleaseRequestsContract {

    private final EmulatorStack stack;
    private String queueUrl;

    SqsReleaseRequestsContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ReleaseRequests newRequests() {
        queueUrl = stack.clients().sqs()
                .createQueue(b -> b.queueName(ContractQueues.uniqueName("contract-releases"))).queueUrl();
        return new SqsReleaseRequests(stack.clients().sqs(), queueUrl);
    }

    @Override
    protected List<ReleaseRequest> receive(int expected) {
        return ContractQueues.receive(stack.clients().sqs(), queueUrl, expected, SqsReleaseRequests::requestFrom);
    }

    @AfterEach
    void deleteQueue() {
        if (queueUrl != null) {
            stack.clients().sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }

    @Test
    void theBodyNamesTheSchemaAndOnlyWhatTheRequestSaysAndReadsBackAsTheSameRequest() {
        ReleaseRequest batch = ReleaseRequest.forBatch(INCIDENT, CASE, 2, List.of("MP000002", "MP000091"));
        JsonNode body = Json.read(SqsReleaseRequests.body(batch), JsonNode.class);
        assertEquals(Messages.SCHEMA_VERSION, body.path("schemaVersion").asText());
        assertEquals(List.of("schemaVersion", "incidentId", "caseId", "batchNo", "payNumbers"), fieldNames(body));
        assertEquals(batch, SqsReleaseRequests.requestFrom(SqsReleaseRequests.body(batch)));

        ReleaseRequest whole = ReleaseRequest.forIncident(INCIDENT);
        assertEquals(List.of("schemaVersion", "incidentId"), fieldNames(Json.read(SqsReleaseRequests.body(whole), JsonNode.class)));
        assertEquals(whole, SqsReleaseRequests.requestFrom(SqsReleaseRequests.body(whole)));
    }

    @Test
    void aBodyThatIsNotARequestIsRefusedWithAReasonThatQuotesNothingOfIt() {
        String people = "\"payNumbers\":[\"MP000091\",\"MP000002\"]";
        String prefix = "{\"incidentId\":\"" + INCIDENT + "\",\"caseId\":\"" + CASE + "\",";
        List<String> bodies = List.of(
                "",
                "MP000091 Williams",
                prefix + "\"batchNo\":0," + people.substring(0, 25),             // truncated
                "null",
                "[\"MP000091\"]",
                "{}",
                "{\"incidentId\":\"IN-Williams\"}",
                "{\"incidentId\":42}",
                prefix + "\"batchNo\":\"0\"," + people,                         // number as a string
                prefix + "\"batchNo\":1.5," + people,
                prefix + "\"batchNo\":0,\"payNumbers\":\"MP000091\"}",           // not an array
                prefix + "\"batchNo\":0,\"payNumbers\":[\"MP000091\",91]}",     // not all strings
                prefix + "\"batchNo\":0,\"payNumbers\":[\"MP000091\",\"MP 000002 Williams\"]}",
                prefix + "\"batchNo\":0,\"payNumbers\":[]}",
                "{\"incidentId\":\"" + INCIDENT + "\"," + people + "}",          // people but no batch
                "{\"incidentId\":\"" + INCIDENT + "\",\"caseId\":\"BT-Williams\",\"batchNo\":0," + people + "}");
        for (String body : bodies) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SqsReleaseRequests.requestFrom(body), "accepted: " + body);
            assertTrue(refused.getMessage().contains("release request"), "says what it expected: " + refused.getMessage());
            for (Throwable t = refused; t != null; t = t.getCause()) {
                for (String quoted : List.of("MP000091", "MP000002", "Williams")) {
                    assertFalse(String.valueOf(t.getMessage()).contains(quoted),
                            "the reason for refusing " + body + " quotes it: " + t);
                }
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
