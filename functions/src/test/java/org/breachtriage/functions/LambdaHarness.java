package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.sandbox.EventSourceSimulator;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays the parts of Lambda's event sources: the S3 notification (built from the fixture
 * {@code events/s3/put-manifest.json} with the uploaded object's key, size, ETag and version) and the
 * SQS event source mapping (receive up to 10, invoke, delete what succeeded, leave the
 * {@code batchItemFailures} on the queue). Uses uncounted clients: these calls are AWS's, not ours.
 */
final class LambdaHarness {

    /** One invocation as the event source mapping made it, and what the function answered. */
    record Invocation(SQSEvent event, SQSBatchResponse response) {
        Set<String> failedIds() {
            Set<String> ids = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
            return ids;
        }
    }

    private final AwsClients clients;
    private final String region;
    private final EventSourceSimulator simulator;

    LambdaHarness(AwsClients clients) {
        this.clients = clients;
        this.region = clients.settings().region() == null ? "us-east-1" : clients.settings().region().id();
        this.simulator = new EventSourceSimulator(clients.sqs(), region);
    }

    /** The S3 event for an uploaded object, shaped exactly like the fixture, key URL-encoded as S3 does it. */
    S3Event objectCreated(String bucket, ObjectInfo object) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(Fixtures.events("s3/put-manifest.json")));
        ObjectNode record = (ObjectNode) root.path("Records").get(0);
        record.put("awsRegion", region);
        ObjectNode s3 = (ObjectNode) record.path("s3");
        ObjectNode bucketNode = (ObjectNode) s3.path("bucket");
        bucketNode.put("name", bucket);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode objectNode = (ObjectNode) s3.path("object");
        objectNode.put("key", encodeKey(object.key()));
        objectNode.put("size", object.size());
        objectNode.put("eTag", object.version());
        objectNode.remove("versionId"); // an unversioned emulator bucket has none; the handler must not need it
        return Fixtures.s3EventFromJson(Json.MAPPER.writeValueAsString(root));
    }

    /** How S3 writes keys into event notifications: form-encoded ('+' for space, %XX for UTF-8), '/' left as is. */
    static String encodeKey(String key) {
        return EventSourceSimulator.encodeKey(key);
    }

    /** Up to {@code max} messages that are visible now (waiting at most {@code wait}). */
    List<Message> receive(String queueUrl, int max, Duration wait) {
        return clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds((int) wait.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /** Sends a message and takes it off the queue at once, to add to an event later (a poison message). */
    Message sendAndHold(String queueUrl, String body) {
        String id = clients.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)).messageId();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : receive(queueUrl, 10, Duration.ZERO)) {
                if (m.messageId().equals(id)) {
                    return m;
                }
                clients.sqs().changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
        }
        throw new IllegalStateException("the message just sent to " + queueUrl + " never arrived");
    }

    /** The Lambda SQS event for these messages, with the fields the event source mapping fills in. */
    SQSEvent sqsEvent(String queueUrl, List<Message> messages) {
        return simulator.sqsEvent(queueUrl, messages);
    }

    /** Invokes the handler and, as the event source mapping does, deletes every message it did not list as failed. */
    Invocation invoke(String queueUrl, List<Message> messages, BiFunction<SQSEvent, CapturingContext, SQSBatchResponse> handler,
                      CapturingContext context) {
        SQSEvent[] seen = new SQSEvent[1];
        SQSBatchResponse[] answered = new SQSBatchResponse[1];
        simulator.invoke(queueUrl, messages, event -> {
            seen[0] = event;
            answered[0] = handler.apply(event, context);
            return answered[0];
        });
        return new Invocation(seen[0], answered[0]);
    }

    void deleteExcept(String queueUrl, List<Message> messages, Set<String> keep) {
        simulator.deleteExcept(queueUrl, messages, keep);
    }

    void delete(String queueUrl, Message message) {
        clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    String queueArn(String queueUrl) {
        return simulator.queueArn(queueUrl);
    }

    /** A JSON document's field, for reading message bodies. */
    static String field(String json, String name) {
        JsonNode node = Json.read(json, JsonNode.class);
        return node.path(name).asText(null);
    }
}
