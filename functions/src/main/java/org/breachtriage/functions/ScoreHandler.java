package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.ScoreService.BatchOutcome;

/**
 * Triggered by the batch queue (with {@code ReportBatchItemFailures}): scores each row batch (one
 * BatchGetItem for up to 100 people, a conditional write per result, notices in PublishBatch calls of
 * 10, one counter update per batch).
 *
 * <p>Each message succeeds or fails on its own: a failure is listed in {@code batchItemFailures}, so
 * SQS re-delivers only that message (and after {@code maxReceiveCount} moves it to the DLQ), while
 * the others are deleted. Scoring is idempotent, so a re-delivered batch adds nothing.
 *
 * <p>The call whose batch completes the case moves it to SCORED, exactly once, and sends the report
 * trigger. If that send fails (or the function dies first) the message is failed and comes back; the
 * re-delivered batch ({@code ApproximateReceiveCount} above 1) finds itself already counted and the
 * case still SCORED, and sends the trigger again. A duplicate trigger is harmless: the report function
 * leaves a REPORTED case alone.
 */
public final class ScoreHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionWiring wiring;

    /** Used by the Lambda runtime. */
    public ScoreHandler() {
        this(FunctionWiring.shared());
    }

    public ScoreHandler(FunctionWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSMessage message : messages) {
            RowBatch batch;
            try {
                batch = parse(message.getBody());
            } catch (RuntimeException e) {
                // The body may hold rows (pay numbers, names): log which message and why, never what it says.
                HandlerLog.log(context, "score: message " + message.getMessageId() + " is not a row batch: "
                        + HandlerLog.describe(e));
                failures.add(new BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                BatchOutcome outcome = wiring.scoreService().score(batch);
                if (outcome.scoredNow() || outcome.alreadyDone() && receivedBefore(message) && stillScored(batch.caseId())) {
                    wiring.reportTrigger().send(batch.caseId());
                }
            } catch (RuntimeException e) {
                HandlerLog.log(context, "score: message " + message.getMessageId() + " (case " + batch.caseId()
                        + ", batch " + batch.batchNo() + ") failed and will be retried: " + HandlerLog.describe(e));
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** SQS has handed this message out before: an earlier attempt may have scored it and then died. */
    private static boolean receivedBefore(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count != null && Integer.parseInt(count.trim()) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A case that is SCORED but not yet REPORTED: its trigger may have been lost with an earlier attempt. */
    private boolean stillScored(String caseId) {
        return wiring.cases().find(caseId).map(c -> c.status() == CaseStatus.SCORED).orElse(false);
    }

    /** The body as {@link org.breachtriage.aws.SqsBatchQueue} sends it: one {@link RowBatch} as JSON. */
    static RowBatch parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        RowBatch batch = Json.read(body, RowBatch.class);
        if (batch == null || batch.caseId() == null || batch.caseId().isBlank() || batch.incident() == null) {
            throw new IllegalArgumentException("a row batch needs caseId, batchNo, incident and rows");
        }
        return batch;
    }
}
