package org.breachtriage.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.testing.QueueReader;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads what an SQS subscriber of a topic received (the SNS envelope, raw delivery off): either one
 * of the sandbox's inspection queues, or a queue of the test's own subscribed for the test's duration.
 */
final class TopicTap implements AutoCloseable {

    /** One delivery: the envelope's attributes and the subscriber's JSON document. */
    record Delivery(Map<String, String> attributes, JsonNode document, String raw) {
        String eventType() {
            return attributes.get("eventType");
        }
    }

    private final AwsClients clients;
    private final String queueUrl;
    private final String subscriptionArn;

    private TopicTap(AwsClients clients, String queueUrl, String subscriptionArn) {
        this.clients = clients;
        this.queueUrl = queueUrl;
        this.subscriptionArn = subscriptionArn;
    }

    /** Reads an existing subscribed queue (left in place on close). */
    static TopicTap existing(AwsClients clients, String queueUrl) {
        return new TopicTap(clients, queueUrl, null);
    }

    /**
     * Subscribes a new queue to the topic without a filter; close() unsubscribes and deletes it. A FIFO
     * topic gets a FIFO queue, as a real subscriber that keeps the topic's de-duplication.
     */
    static TopicTap subscribe(AwsClients clients, String topicArn) {
        boolean fifo = topicArn.endsWith(".fifo");
        String name = "triage-test-tap-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? ".fifo" : "");
        String queueUrl = clients.sqs().createQueue(b -> b.queueName(name)
                .attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of())).queueUrl();
        String queueArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "sns.amazonaws.com"), "Action", "sqs:SendMessage",
                "Resource", queueArn, "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", topicArn))))));
        clients.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        String subscription = clients.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "false")).returnSubscriptionArn(true)).subscriptionArn();
        return new TopicTap(clients, queueUrl, subscription);
    }

    /**
     * Receives (and deletes) until {@code expected} deliveries that {@code ours} accepts have arrived or
     * {@code timeout} passed, then listens {@code quiet} longer so that extra deliveries show up too.
     * Deliveries that are not ours (other tests' cases) are deleted and ignored.
     */
    List<Delivery> read(int expected, Duration timeout, Duration quiet, Predicate<Delivery> ours) {
        List<Delivery> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = expected == 0 ? System.nanoTime() + quiet.toNanos() : Long.MAX_VALUE;
        do {
            List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message m : messages) {
                Delivery delivery = parse(m.body());
                if (ours.test(delivery)) {
                    found.add(delivery);
                }
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + deletes.size()).receiptHandle(m.receiptHandle()).build());
            }
            if (!deletes.isEmpty()) {
                clients.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
            }
            if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
            if (messages.isEmpty()) {
                pause();
            }
        } while (System.nanoTime() < Math.min(deadline, quietUntil));
        return found;
    }

    /**
     * The subscriber's document. Real SNS hands an SQS subscriber the "sqs" member of a
     * MessageStructure=json alert; fauxqs 1.9 hands over the whole per-protocol document (see
     * infra/local/README.md). The raw text keeps everything delivered, the e-mail text included.
     */
    static Delivery parse(String sqsBody) {
        QueueReader.Envelope envelope = QueueReader.Envelope.parse(sqsBody);
        JsonNode node = Json.read(envelope.message(), JsonNode.class);
        if (node.has("default") && node.path("sqs").isTextual()) {
            node = Json.read(node.path("sqs").asText(), JsonNode.class);
        }
        return new Delivery(envelope.attributes(), node, envelope.message());
    }

    @Override
    public void close() {
        if (subscriptionArn != null) {
            clients.sns().unsubscribe(b -> b.subscriptionArn(subscriptionArn));
            clients.sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
