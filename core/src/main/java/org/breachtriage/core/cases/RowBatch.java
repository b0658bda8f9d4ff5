package org.breachtriage.core.cases;

import java.util.List;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestRow;

/**
 * Up to {@link #MAX_ROWS} accepted rows of one case, the unit of scoring work. It carries the
 * incident id and metadata so a scorer needs no extra read of the case. {@code batchNo} is
 * deterministic (0, 1, … in manifest order), so a re-ingest produces the same batches and scoring
 * stays idempotent.
 */
public record RowBatch(String caseId, String incidentId, long batchNo, IncidentMetadata incident, List<ManifestRow> rows) {
    public static final int MAX_ROWS = 100;

    public RowBatch {
        rows = List.copyOf(rows);
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_ROWS + " rows, got " + rows.size());
        }
    }
}
