package org.breachtriage.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays the part of the Lambda service for {@code process}: builds the S3 event S3 would send, and
 * hands SQS messages to a handler in batches of ten, deleting those it did not report as failed.
 */
final class LambdaRunner {
    private static final int SQS_BATCH = 10;
    /** Empty receives in a row before a queue counts as drained (messages may still be in flight). */
    private static final int EMPTY_RECEIVES_TO_STOP = 2;

    private LambdaRunner() {
    }

    /** The event S3 sends for a PUT: the key URL-encoded as in a form ('+' for a space). */
    static S3Event objectCreated(String region, String bucket, ObjectInfo object) {
        String encodedKey = URLEncoder.encode(object.key(), StandardCharsets.UTF_8);
        var s3 = new S3EventNotification.S3Entity("triage-process",
                new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("triage"),
                        "arn:aws:s3:::" + bucket),
                new S3EventNotification.S3ObjectEntity(encodedKey, object.size(), object.version(), null, null), "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(region, "ObjectCreated:Put", "aws:s3",
                Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("", ""), s3,
                new S3EventNotification.UserIdentityEntity("triage"));
        return new S3Event(List.of(record));
    }

    record DrainResult(int delivered, int failed) {
    }

    /**
     * Receives until the queue stays empty, calling the handler with up to ten messages at a time as the
     * SQS event source does. Failed messages stay on the queue (they come back after the visibility
     * timeout, or go to the DLQ), and are counted.
     */
    static DrainResult drain(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler,
                             PrintWriter err) {
        int delivered = 0;
        int failed = 0;
        int empty = 0;
        Set<String> failedIds = new HashSet<>();
        while (empty < EMPTY_RECEIVES_TO_STOP) {
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(SQS_BATCH)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            received = received.stream().filter(m -> !failedIds.contains(m.messageId())).toList();
            if (received.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            SQSBatchResponse response = handler.apply(toEvent(queueUrl, received));
            Set<String> failures = new HashSet<>();
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failures.add(f.getItemIdentifier()));
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message m : received) {
                if (failures.contains(m.messageId())) {
                    failedIds.add(m.messageId());
                } else {
                    done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                            .receiptHandle(m.receiptHandle()).build());
                }
            }
            if (!done.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            }
            delivered += done.size();
            failed += failures.size();
            if (!failures.isEmpty()) {
                err.printf("triage: %d message(s) failed on %s and stay on the queue%n", failures.size(),
                        queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
            }
        }
        return new DrainResult(delivered, failed);
    }

    private static SQSEvent toEvent(String queueUrl, List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueUrl);
            Map<String, String> attributes = new java.util.HashMap<>();
            m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The Lambda context a handler gets when the CLI calls it in-process; logs go to stderr. */
    static Context context(String functionName) {
        String requestId = UUID.randomUUID().toString();
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "triage-cli";
            }

            @Override
            public String getLogStreamName() {
                return functionName;
            }

            @Override
            public String getFunctionName() {
                return functionName;
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:local:000000000000:function:" + functionName;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 900_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return (int) (Runtime.getRuntime().maxMemory() >> 20);
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.err.println(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.err.println(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
