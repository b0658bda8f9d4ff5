package org.breachtriage.core.pipeline;

import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.pipeline.ScoreService.BatchOutcome;

/** The scoring use case: one row batch, as a queue delivered it. */
public interface ScoreBatch {

    /**
     * @param redelivered the transport has handed this batch out before (SQS: receive count above 1);
     *                    see {@link CaseLifecycle#batchScored}
     */
    record Command(RowBatch batch, boolean redelivered) {
    }

    BatchOutcome score(Command command);
}
