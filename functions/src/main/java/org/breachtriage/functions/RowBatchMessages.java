package org.breachtriage.functions;

import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;

/** The batch queue's message body, as {@link org.breachtriage.aws.SqsBatchQueue} sends it: one {@link RowBatch} as JSON. */
final class RowBatchMessages {
    private RowBatchMessages() {
    }

    static RowBatch parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        RowBatch batch = Json.read(body, RowBatch.class);
        if (batch == null || batch.caseId() == null || batch.caseId().isBlank() || batch.incidentId() == null
                || batch.incidentId().isBlank() || batch.incident() == null) {
            throw new IllegalArgumentException("a row batch needs caseId, incidentId, batchNo, incident and rows");
        }
        return batch;
    }
}
