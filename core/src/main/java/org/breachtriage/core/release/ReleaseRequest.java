package org.breachtriage.core.release;

import java.util.List;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.incident.IncidentIds;
import org.breachtriage.core.manifest.PayNumbers;
import org.breachtriage.core.manifest.PersonKeys;

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

    /**
     * Why this request cannot be sent, or null when it can: an incident id shaped like one, and for a
     * batch its case id, its number and at least one well-formed pay number. The reason never quotes a
     * pay number (it may end up in a log), only where in the list the bad one is.
     */
    public String problem() {
        if (!IncidentIds.looksValid(incidentId)) {
            return "a release request needs an incident id shaped like IN-<16 hex digits>";
        }
        if (wholeIncident()) {
            return batchNo == null && payNumbers.isEmpty() ? null
                    : "a release request for a whole incident names no batch and no pay numbers";
        }
        if (!CaseIds.looksValid(caseId)) {
            return "a release request for a batch needs a case id shaped like BT-<16 hex digits>";
        }
        if (batchNo == null || batchNo < 0) {
            return "a release request for a batch needs the batch's number (0 or more)";
        }
        if (payNumbers.isEmpty()) {
            return "a release request for a batch names at least one pay number";
        }
        for (int i = 0; i < payNumbers.size(); i++) {
            if (PersonKeys.problem(payNumbers.get(i)) != null) {
                return "pay number " + (i + 1) + " of " + payNumbers.size() + " in the release request is not one ("
                        + PayNumbers.RULE + ", or a subject type, ':' and a subject_ref)";
            }
        }
        return null;
    }

    /** This request, if {@link #problem()} finds nothing wrong with it. */
    public ReleaseRequest requireWellFormed() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return this;
    }
}
