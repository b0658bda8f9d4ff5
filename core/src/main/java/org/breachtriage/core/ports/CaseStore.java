package org.breachtriage.core.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.RowRejection;

/**
 * Cases (one per manifest: its row accounting, counters and status), their rejects and decision logs.
 * People live with their incident ({@link PersonStore}). Every write that must happen once is
 * conditional here, so the pipeline stays correct under at-least-once delivery.
 */
public interface CaseStore {

    /** Creates the case unless one with the same id exists; either way returns the stored one. */
    OpenOutcome open(CaseRecord candidate);

    record OpenOutcome(CaseRecord stored, boolean created) {
    }

    Optional<CaseRecord> find(String caseId);

    /** All cases, newest first. */
    List<CaseRecord> list();

    /**
     * Moves a case from {@code from} to {@code to} only if it is in {@code from}.
     *
     * @return true if this call made the move
     */
    boolean transition(String caseId, CaseStatus from, CaseStatus to, String reason);

    /**
     * Records the ingest totals (SET, not ADD: a retried ingest writes the same numbers) and the number
     * of batches queued, and moves INGESTING → SCORING. Returns the case as stored afterwards, or empty
     * if the case was no longer INGESTING.
     */
    Optional<CaseRecord> finishIngest(String caseId, long rowsRead, long rowsAccepted, long rowsRejected, long batchesQueued);

    /**
     * Replaces the case's incident metadata and Art. 33 deadline (a corrected incident file moved the
     * awareness earlier), only if the stored deadline is still {@code expectedDeadline}: a
     * compare-and-set, so two re-runs at once move it once and a correction is never overwritten by
     * a stale one.
     *
     * @return true if replaced
     */
    boolean correctAwareness(String caseId, java.time.Instant expectedDeadline, IncidentMetadata corrected,
                             java.time.Instant deadline);

    void addRejects(String caseId, Collection<RowRejection> rejects);

    /** Rejects in row order. */
    void forEachReject(String caseId, Consumer<RowRejection> consumer);

    /**
     * Adds a scored batch's counter deltas and counts the batch as done, once per batch number
     * (a re-delivered batch adds nothing).
     *
     * @return the case as stored after the update, or empty if this batch had already been counted
     */
    Optional<CaseRecord> completeBatch(String caseId, long batchNo, Map<String, Long> counterDeltas);

    void appendDecision(String caseId, DecisionEntry entry);

    /**
     * Whether this store keeps a marker per alert ({@link #claimAlert}, {@link #markAlertSent}). Where it
     * does, an alert whose publisher died before publishing is published by the next step that finds it
     * due (a re-delivered event, the report); where it does not, each alert is published by the one call
     * that made its move, and only then.
     */
    default boolean recordsAlerts() {
        return false;
    }

    /**
     * Claims the case's alert {@code alertId} for publishing: true unless it was marked sent, or another
     * publisher claimed it less than {@code lease} before {@code now}. A claim that landed although its
     * answer was lost is still this caller's (same {@code token}).
     */
    default boolean claimAlert(String caseId, String alertId, String token, Instant now, Duration lease) {
        return true;
    }

    /** Marks the alert sent, so nobody publishes it again. */
    default void markAlertSent(String caseId, String alertId, Instant at) {
    }

    List<DecisionEntry> decisions(String caseId);
}
