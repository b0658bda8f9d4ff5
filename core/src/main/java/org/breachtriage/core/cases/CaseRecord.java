package org.breachtriage.core.cases;

import java.time.Instant;
import java.util.Map;
import org.breachtriage.core.manifest.IncidentMetadata;

/**
 * A case: one manifest from one source, the unit of row accounting. The id is derived from the
 * source and its content (or S3 version/ETag), so a re-delivered event or a re-run finds the same
 * case. It belongs to one incident ({@code incidentId}), which its people, notices and reports belong
 * to. {@code batchesQueued} is -1 until ingest has finished and knows how many batches it sent.
 *
 * <p>Its counters are its own (rows, the people it named and the band this manifest alone gives
 * them, the notices its batches planned) plus, under {@link Counters#incident}, what its batches
 * changed in the incident's figures.
 */
public record CaseRecord(
        String caseId,
        String incidentId,
        String source,
        String sourceVersion,
        CaseStatus status,
        String failureReason,
        IncidentMetadata incident,
        Regime regime,
        Instant openedAt,
        Instant art33Deadline,
        boolean art33Required,
        String art33Reasoning,
        String policyVersion,
        long batchesQueued,
        Map<String, Long> counters) {

    public CaseRecord {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public CaseRecord withStatus(CaseStatus newStatus, String reason) {
        return new CaseRecord(caseId, incidentId, source, sourceVersion, newStatus, reason, incident, regime, openedAt,
                art33Deadline, art33Required, art33Reasoning, policyVersion, batchesQueued, counters);
    }

    public CaseRecord withIngestTotals(long batches, Map<String, Long> newCounters) {
        return new CaseRecord(caseId, incidentId, source, sourceVersion, status, failureReason, incident, regime, openedAt,
                art33Deadline, art33Required, art33Reasoning, policyVersion, batches, newCounters);
    }

    /**
     * False for a manifest of which every row was rejected: it names nobody, so it cannot say whether
     * the ICO must be told (a REPORTED case of 0 people marked "Art. 33 required" would be noise). Until
     * ingest has counted its rows, the verdict made at opening stands.
     */
    public boolean hasArt33Verdict() {
        return !(batchesQueued >= 0 && counter(Counters.ROWS_READ) > 0 && counter(Counters.ROWS_ACCEPTED) == 0);
    }

    /** Art. 33 required, by a case that has a verdict at all ({@link #hasArt33Verdict}). */
    public boolean requiresArt33() {
        return art33Required && hasArt33Verdict();
    }

    /** The same case with corrected incident metadata (an earlier awareness) and the deadline it gives. */
    public CaseRecord withAwareness(IncidentMetadata corrected, Instant deadline) {
        return new CaseRecord(caseId, incidentId, source, sourceVersion, status, failureReason, corrected, regime, openedAt,
                deadline, art33Required, art33Reasoning, policyVersion, batchesQueued, counters);
    }

    /** Every batch the ingest queued has been scored. */
    public boolean allBatchesDone() {
        return batchesQueued >= 0 && counter(Counters.BATCHES_DONE) >= batchesQueued;
    }
}
