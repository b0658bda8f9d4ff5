package org.breachtriage.aws.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.breachtriage.aws.AwsClients;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues and topics of a contract test's own, so what it reads is only its own traffic. */
final class ContractQueues {
    private ContractQueues() {
    }

    /** A valid SQS queue / SNS topic name (letters, digits, '-', at most 80 characters), unique per call. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Subscribes a new queue to the topic with the SNS envelope (raw delivery off, so the message
     * attributes arrive too) and returns the queue's URL.
     */
    static String subscribedQueue(AwsClients clients, String topicArn, String name) {
        String queueUrl = clients.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        String queueArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        clients.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "false")).returnSubscriptionArn(true));
        return queueUrl;
    }

    /**
     * The consumer side of a request queue: receives, parses each body as the consuming function does,
     * and deletes, until {@code expected} are in hand (within ten seconds), or with 0 expected until one
     * receive comes back empty.
     */
    static <T> List<T> receive(SqsClient sqs, String queueUrl, int expected, Function<String, T> parse) {
        List<T> received = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        int emptyReceives = 0;
        while (received.size() < expected ? System.nanoTime() < deadline : emptyReceives < 1) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(expected == 0 ? 0 : 1)).messages();
            emptyReceives = messages.isEmpty() ? emptyReceives + 1 : 0;
            for (Message m : messages) {
                received.add(parse.apply(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return received;
    }
}
