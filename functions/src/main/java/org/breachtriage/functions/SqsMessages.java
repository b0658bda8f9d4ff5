package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-message failure loop of every SQS-triggered handler, in one place. With
 * {@code ReportBatchItemFailures} each message succeeds or fails on its own: a failure is listed in
 * {@code batchItemFailures}, so SQS re-delivers only that message (and after {@code maxReceiveCount}
 * moves it to the dead-letter queue) while the others are deleted.
 *
 * <p>A body may hold rows (pay numbers, names), and exception messages may quote it, so a failure is
 * logged by message id, a label the work chose ({@link Failed}) and exception classes, never text.
 */
final class SqsMessages {
    private SqsMessages() {
    }

    /** One message's work; returns a line for the log (never quoting the body), or null for none. */
    @FunctionalInterface
    interface Work {
        String handle(SQSMessage message);
    }

    /** Thrown by work that knows, safely, what it was working on ("case BT-…, batch 3"). */
    static final class Failed extends RuntimeException {
        private final String label;

        Failed(String label, Throwable cause) {
            super(label, cause);
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static SQSBatchResponse processEach(SQSEvent event, Context context, String function, Work work) {
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSMessage message : messages) {
            try {
                String line = work.handle(message);
                if (line != null) {
                    HandlerLog.log(context, function + ": " + line);
                }
            } catch (Failed e) {
                HandlerLog.log(context, function + ": message " + message.getMessageId() + " (" + e.label()
                        + ") failed and will be retried: " + HandlerLog.describe(e.getCause()));
                failures.add(new BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException e) {
                HandlerLog.log(context, function + ": message " + message.getMessageId()
                        + " failed and will be retried: " + HandlerLog.describe(e));
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** SQS has handed this message out before: an earlier attempt may have done the work and then died. */
    static boolean receivedBefore(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count.trim()) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
