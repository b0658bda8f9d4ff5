package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.pipeline.ScoreBatch;
import org.breachtriage.core.pipeline.ScoreService.BatchOutcome;
import org.breachtriage.functions.HandlerMetrics.Metric;

/**
 * Triggered by the batch queue (with {@code ReportBatchItemFailures}): each message is one row batch,
 * handed to {@link ScoreBatch} with whether SQS has delivered it before. Scoring is idempotent, and the
 * case lifecycle decides whether the batch completes the case and asks for its report.
 * Lambda calls the stream entry point of {@link SqsFunction}.
 */
public final class ScoreHandler implements SqsFunction {
    private final ScoreBatch score;

    /** Used by the Lambda runtime. */
    public ScoreHandler() {
        this(FunctionWiring.shared());
    }

    public ScoreHandler(FunctionWiring wiring) {
        this(wiring.pipeline().score());
    }

    public ScoreHandler(ScoreBatch score) {
        this.score = score;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsMessages.processEach(event, context, "score", "BatchesFailed", message -> {
            RowBatch batch = RowBatchMessages.parse(message.getBody());
            try {
                BatchOutcome outcome = score.score(new ScoreBatch.Command(batch, SqsMessages.receivedBefore(message)));
                return new SqsMessages.Handled(batch.caseId(), null,
                        List.of(new Metric("NoticesPlanned", outcome.noticesPlanned())));
            } catch (RuntimeException e) {
                throw new SqsMessages.Failed(batch.caseId(), "case " + batch.caseId() + ", batch " + batch.batchNo(), e);
            }
        });
    }
}
