package org.breachtriage.aws.sandbox;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays the parts of Lambda's event sources where there is no Lambda (the CLI's {@code process} and
 * the tests): the S3 notification for an uploaded object, and the SQS event source mapping, which
 * hands a function up to ten messages and deletes those it did not report in {@code batchItemFailures}.
 */
public final class EventSourceSimulator {
    private final SqsClient sqs;
    private final String region;

    public EventSourceSimulator(SqsClient sqs, String region) {
        this.sqs = sqs;
        this.region = region;
    }

    /** How S3 writes keys into event notifications: form-encoded ('+' for space, %XX for UTF-8), '/' left as is. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** The event S3 sends for a PUT of this object. */
    public S3Event objectCreated(String bucket, ObjectInfo object) {
        var s3 = new S3EventNotification.S3Entity("breach-triage",
                new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("triage"),
                        "arn:aws:s3:::" + bucket),
                new S3EventNotification.S3ObjectEntity(encodeKey(object.key()), object.size(), object.version(), null,
                        null), "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(region, "ObjectCreated:Put", "aws:s3",
                Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("", ""), s3,
                new S3EventNotification.UserIdentityEntity("triage"));
        return new S3Event(List.of(record));
    }

    /** The Lambda SQS event for these messages, with the fields the event source mapping fills in. */
    public SQSEvent sqsEvent(String queueUrl, List<Message> messages) {
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

    /**
     * Invokes the function with these messages and, as the event source mapping does, deletes every
     * message it did not list as failed.
     *
     * @return the ids of the messages the function reported as failed (they stay on the queue)
     */
    public Set<String> invoke(String queueUrl, List<Message> messages, Function<SQSEvent, SQSBatchResponse> function) {
        SQSBatchResponse response = function.apply(sqsEvent(queueUrl, messages));
        Set<String> failed = new HashSet<>();
        if (response != null && response.getBatchItemFailures() != null) {
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        }
        deleteExcept(queueUrl, messages, failed);
        return failed;
    }

    public void deleteExcept(String queueUrl, List<Message> messages, Set<String> keep) {
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message m : messages) {
            if (!keep.contains(m.messageId())) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + deletes.size())
                        .receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!deletes.isEmpty()) {
            var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("could not delete handled messages: " + response.failed());
            }
        }
    }

    public String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
