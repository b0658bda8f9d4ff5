package org.breachtriage.core.scenarios;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;

/**
 * A case store whose next {@code completeBatch} fails when {@code failNext} is set, as a process that
 * dies after writing a batch's people and publishing its notices, before its counts land.
 */
final class FailingCompleteBatch implements CaseStore {
    private final CaseStore inner;
    private final AtomicBoolean failNext;

    FailingCompleteBatch(CaseStore inner, AtomicBoolean failNext) {
        this.inner = inner;
        this.failNext = failNext;
    }

    @Override
    public Optional<CaseRecord> completeBatch(String caseId, long batchNo, Map<String, Long> counterDeltas) {
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("simulated crash before batch " + batchNo + " was counted");
        }
        return inner.completeBatch(caseId, batchNo, counterDeltas);
    }

    @Override
    public OpenOutcome open(CaseRecord candidate) {
        return inner.open(candidate);
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        return inner.find(caseId);
    }

    @Override
    public List<CaseRecord> list() {
        return inner.list();
    }

    @Override
    public boolean transition(String caseId, CaseStatus from, CaseStatus to, String reason) {
        return inner.transition(caseId, from, to, reason);
    }

    @Override
    public Optional<CaseRecord> finishIngest(String caseId, long rowsRead, long rowsAccepted, long rowsRejected,
                                             long batchesQueued) {
        return inner.finishIngest(caseId, rowsRead, rowsAccepted, rowsRejected, batchesQueued);
    }

    @Override
    public boolean correctAwareness(String caseId, java.time.Instant expectedDeadline,
                                    org.breachtriage.core.manifest.IncidentMetadata corrected, java.time.Instant deadline) {
        return inner.correctAwareness(caseId, expectedDeadline, corrected, deadline);
    }

    @Override
    public void addRejects(String caseId, Collection<RowRejection> rejects) {
        inner.addRejects(caseId, rejects);
    }

    @Override
    public void forEachReject(String caseId, Consumer<RowRejection> consumer) {
        inner.forEachReject(caseId, consumer);
    }

    @Override
    public void appendDecision(String caseId, DecisionEntry entry) {
        inner.appendDecision(caseId, entry);
    }

    @Override
    public List<DecisionEntry> decisions(String caseId) {
        return inner.decisions(caseId);
    }

    @Override
    public boolean recordsAlerts() {
        return inner.recordsAlerts();
    }

    @Override
    public boolean claimAlert(String caseId, String alertId, String token, java.time.Instant now, java.time.Duration lease) {
        return inner.claimAlert(caseId, alertId, token, now, lease);
    }

    @Override
    public void markAlertSent(String caseId, String alertId, java.time.Instant at) {
        inner.markAlertSent(caseId, alertId, at);
    }
}
