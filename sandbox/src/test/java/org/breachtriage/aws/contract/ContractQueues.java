package org.breachtriage.aws.contract;

import java.util.Map;
import java.util.UUID;
import org.breachtriage.aws.AwsClients;
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
}
