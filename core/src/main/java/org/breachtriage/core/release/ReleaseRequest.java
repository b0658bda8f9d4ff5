package org.breachtriage.core.release;

import java.util.List;

/**
 * Asks for released notices to be published. From scoring: the people of one batch whose notices it
 * released at once (a band released automatically), so the publisher reads only them. From a person's
 * decision or a recovery: the whole incident ({@code caseId} null).
 *
 * @param payNumbers for a batch, the people to look at; empty for the whole incident
 */
public record ReleaseRequest(String incidentId, String caseId, Long batchNo, List<String> payNumbers) {

    public ReleaseRequest {
        payNumbers = payNumbers == null ? List.of() : List.copyOf(payNumbers);
    }

    public static ReleaseRequest forBatch(String incidentId, String caseId, long batchNo, List<String> payNumbers) {
        return new ReleaseRequest(incidentId, caseId, batchNo, payNumbers);
    }

    public static ReleaseRequest forIncident(String incidentId) {
        return new ReleaseRequest(incidentId, null, null, List.of());
    }

    public boolean wholeIncident() {
        return caseId == null;
    }
}
