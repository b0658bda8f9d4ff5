package org.breachtriage.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads test queues: raw message bodies, or SNS envelopes (raw message delivery off). */
public final class QueueReader {
    private final SqsClient sqs;

    public QueueReader(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * Receives and deletes messages until {@code expected} matching ones arrived or {@code timeout}
     * passed; then keeps listening for {@code quiet} to catch any that should not be there. Messages
     * that do not match {@code belongs} (other tests' traffic) are deleted and ignored.
     */
    public List<String> bodies(String queueUrl, int expected, Duration timeout, Duration quiet, Predicate<String> belongs) {
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : messages) {
                if (belongs.test(m.body())) {
                    bodies.add(m.body());
                }
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            if (bodies.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
            if (messages.isEmpty()) {
                sleep(50);
            }
        }
        return bodies;
    }

    /** An SNS notification as an SQS subscriber without raw delivery receives it. */
    public record Envelope(String type, String topicArn, String message, Map<String, String> attributes) {
        public static Envelope parse(String body) {
            JsonNode node = Json.read(body, JsonNode.class);
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode attrs = node.path("MessageAttributes");
            attrs.fieldNames().forEachRemaining(name -> attributes.put(name, attrs.path(name).path("Value").asText()));
            return new Envelope(node.path("Type").asText(), node.path("TopicArn").asText(), node.path("Message").asText(), attributes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
