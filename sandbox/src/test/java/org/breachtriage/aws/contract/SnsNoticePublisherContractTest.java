package org.breachtriage.aws.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.SnsNoticePublisher;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.QueueReader;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.ports.contract.NoticePublisherContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The notice-publisher contract on SNS (fauxqs). Each test publishes to two topics of its own, each
 * with an SQS subscriber that stands for what a real subscriber receives: the SNS envelope, whose
 * message attributes carry the filter attributes and the message id.
 */
@ExtendWith(EmulatorStackExtension.class)
class SnsNoticePublisherContractTest extends NoticePublisherContract {

    private final EmulatorStack stack;
    private final Map<Topic, String> topicArns = new EnumMap<>(Topic.class);
    private final Map<Topic, String> queueUrls = new EnumMap<>(Topic.class);
    private final Map<Topic, List<Received>> received = new EnumMap<>(Topic.class);

    SnsNoticePublisherContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected NoticePublisher newPublisher() {
        for (Topic topic : Topic.values()) {
            String name = ContractQueues.uniqueName("contract-" + topic.wireName());
            String arn = stack.clients().sns().createTopic(b -> b.name(name)).topicArn();
            topicArns.put(topic, arn);
            queueUrls.put(topic, ContractQueues.subscribedQueue(stack.clients(), arn, name));
            received.put(topic, new ArrayList<>());
        }
        ResourceNames names = stack.names().withQueuesAndTopics(stack.names().batchQueueUrl(),
                stack.names().reportQueueUrl(), stack.names().releaseQueueUrl(), topicArns.get(Topic.ALERTS),
                topicArns.get(Topic.NOTICES));
        return new SnsNoticePublisher(stack.clients().sns(), names);
    }

    @Override
    protected List<Received> delivered(Topic topic) {
        String queueUrl = queueUrls.get(topic);
        List<Received> sink = received.get(topic);
        while (true) {
            List<Message> messages = stack.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return List.copyOf(sink);
            }
            for (Message m : messages) {
                QueueReader.Envelope envelope = QueueReader.Envelope.parse(m.body());
                sink.add(new Received(envelope.attributes().get(SnsNoticePublisher.MESSAGE_ID_ATTRIBUTE),
                        envelope.attributes(), sqsDocument(envelope.message())));
                stack.clients().sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /**
     * Real SNS hands an SQS subscriber the "sqs" member of a MessageStructure=json alert; fauxqs 1.9
     * ignores MessageStructure and hands over the whole per-protocol document. Either way the
     * subscriber's document is the body we published.
     */
    private static JsonNode sqsDocument(String delivered) {
        JsonNode node = Json.read(delivered, JsonNode.class);
        if (node.has("default") && node.has("sqs") && node.path("sqs").isTextual()) {
            return Json.read(node.path("sqs").asText(), JsonNode.class);
        }
        return node;
    }

    @AfterEach
    void deleteTopicsAndQueues() {
        topicArns.values().forEach(arn -> stack.clients().sns().deleteTopic(b -> b.topicArn(arn)));
        queueUrls.values().forEach(url -> stack.clients().sqs().deleteQueue(b -> b.queueUrl(url)));
    }
}
