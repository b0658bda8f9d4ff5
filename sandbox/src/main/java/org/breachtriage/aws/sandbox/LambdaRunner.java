package org.breachtriage.aws.sandbox;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays the part of the Lambda service for {@code process}: drains a queue into a handler through the
 * same event-source simulation the tests use, and gives handlers a context that logs to stderr.
 */
public final class LambdaRunner {
    private static final int SQS_BATCH = 10;
    /** Empty receives in a row before a queue counts as drained (messages may still be in flight). */
    private static final int EMPTY_RECEIVES_TO_STOP = 2;

    private LambdaRunner() {
    }

    public record DrainResult(int delivered, int failed) {
    }

    /**
     * Receives until the queue stays empty, calling the handler with up to ten messages at a time as the
     * SQS event source does. Failed messages stay on the queue (they come back after the visibility
     * timeout, or go to the DLQ), and are counted.
     */
    public static DrainResult drain(SqsClient sqs, EventSourceSimulator events, String queueUrl,
                             Function<SQSEvent, SQSBatchResponse> handler, PrintWriter err) {
        int delivered = 0;
        int empty = 0;
        Set<String> failedIds = new HashSet<>();
        while (empty < EMPTY_RECEIVES_TO_STOP) {
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(SQS_BATCH)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()
                    .stream().filter(m -> !failedIds.contains(m.messageId())).toList();
            if (received.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            Set<String> failures = events.invoke(queueUrl, received, handler);
            failedIds.addAll(failures);
            delivered += received.size() - failures.size();
            if (!failures.isEmpty()) {
                err.printf("triage: %d message(s) failed on %s and stay on the queue%n", failures.size(),
                        queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
            }
        }
        return new DrainResult(delivered, failedIds.size());
    }

    /**
     * The Lambda context a handler gets when the CLI calls it in-process; its log lines go to stderr as
     * the handlers' short text lines (no AWS_LAMBDA_LOG_FORMAT here, so no JSON).
     */
    public static Context context(String functionName) {
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
                        // One line per message, whether or not the handler ended it with a newline.
                        System.err.println(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
                    }

                    @Override
                    public void log(byte[] message) {
                        log(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
