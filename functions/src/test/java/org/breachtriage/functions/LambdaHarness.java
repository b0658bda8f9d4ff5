package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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

    LambdaHarness(AwsClients clients) {
        this.clients = clients;
        this.region = clients.settings().region() == null ? "us-east-1" : clients.settings().region().id();
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
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
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
        String arn = queueArn(queueUrl);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setAttributes(Map.copyOf(m.attributesAsStrings()));
            record.setMessageAttributes(Map.of());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(arn);
            record.setAwsRegion(region);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Invokes the handler and, as the event source mapping does, deletes every message it did not list as failed. */
    Invocation invoke(String queueUrl, List<Message> messages, BiFunction<SQSEvent, CapturingContext, SQSBatchResponse> handler,
                      CapturingContext context) {
        SQSEvent event = sqsEvent(queueUrl, messages);
        SQSBatchResponse response = handler.apply(event, context);
        Invocation invocation = new Invocation(event, response);
        deleteExcept(queueUrl, messages, invocation.failedIds());
        return invocation;
    }

    void deleteExcept(String queueUrl, List<Message> messages, Set<String> keep) {
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message m : messages) {
            if (!keep.contains(m.messageId())) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + deletes.size()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!deletes.isEmpty()) {
            var response = clients.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("could not delete handled messages: " + response.failed());
            }
        }
    }

    void delete(String queueUrl, Message message) {
        clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** A JSON document's field, for reading message bodies. */
    static String field(String json, String name) {
        JsonNode node = Json.read(json, JsonNode.class);
        return node.path(name).asText(null);
    }
}
