package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * The per-message failure loop of every SQS-triggered handler, in one place. With
 * {@code ReportBatchItemFailures} each message succeeds or fails on its own: a failure is listed in
 * {@code batchItemFailures}, so SQS re-delivers only that message (and after {@code maxReceiveCount}
 * moves it to the dead-letter queue) while the others are deleted.
 *
 * <p>A body may hold rows (pay numbers, names), and exception messages may quote it, so a failure is
 * logged by message id, a label the work chose ({@link Failed}) and exception classes, never text.
 *
 * <p>After the loop, the metrics of the messages are emitted per case: what the work counted
 * ({@link Handled#metrics()}) and the failed messages under the function's failure metric.
 */
final class SqsMessages {
    private SqsMessages() {
    }

    /** What one message's work did: its case, a line for the log (never quoting the body; null for none), its counts. */
    record Handled(String caseId, String line, List<Metric> metrics) {
        Handled {
            metrics = List.copyOf(metrics);
        }
    }

    /** One message's work. */
    @FunctionalInterface
    interface Work {
        Handled handle(SQSMessage message);
    }

    /** Thrown by work that knows, safely, what it was working on ("case BT-…, batch 3"). */
    static final class Failed extends RuntimeException {
        private final String caseId;
        private final String label;

        Failed(String caseId, String label, Throwable cause) {
            super(label, cause);
            this.caseId = caseId;
            this.label = label;
        }

        String caseId() {
            return caseId;
        }

        String label() {
            return label;
        }
    }

    /**
     * @param failureMetric the metric a failed message counts under ("BatchesFailed" for the scorer)
     */
    static SQSBatchResponse processEach(SQSEvent event, Context context, String function, String failureMetric, Work work) {
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        // Case id (null: unknown) → metric name → sum, in the order first seen.
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (SQSMessage message : messages) {
            try {
                Handled handled = work.handle(message);
                if (handled.line() != null) {
                    HandlerLog.info(context, function, handled.caseId(), handled.line());
                }
                Map<String, Long> ofCase = counts.computeIfAbsent(handled.caseId(), k -> new LinkedHashMap<>());
                handled.metrics().forEach(m -> ofCase.merge(m.name(), m.value(), Long::sum));
            } catch (Failed e) {
                HandlerLog.error(context, function, e.caseId(), "message " + message.getMessageId() + " (" + e.label()
                        + ") failed and will be retried: " + HandlerLog.describe(e.getCause()));
                failures.add(new BatchItemFailure(message.getMessageId()));
                counts.computeIfAbsent(e.caseId(), k -> new LinkedHashMap<>()).merge(failureMetric, 1L, Long::sum);
            } catch (RuntimeException e) {
                HandlerLog.error(context, function, null, "message " + message.getMessageId()
                        + " failed and will be retried: " + HandlerLog.describe(e));
                failures.add(new BatchItemFailure(message.getMessageId()));
                counts.computeIfAbsent(null, k -> new LinkedHashMap<>()).merge(failureMetric, 1L, Long::sum);
            }
        }
        counts.forEach((caseId, values) -> HandlerMetrics.emit(context, function, caseId, Map.of(),
                values.entrySet().stream().map(v -> new Metric(v.getKey(), v.getValue())).toList()));
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
