package org.breachtriage.core.ports;

import java.util.List;
import org.breachtriage.core.cases.RowBatch;

/** Carries row batches from ingest to scoring (SQS on AWS, a bounded in-process queue locally). */
public interface BatchQueue {

    /** Sends all the batches or throws; the AWS adapter sends at most 10 per request. */
    void send(List<RowBatch> batches);
}
