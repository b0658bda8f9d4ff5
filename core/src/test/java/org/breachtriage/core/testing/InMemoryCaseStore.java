package org.breachtriage.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;

/**
 * {@link CaseStore} in plain maps: the fake for core's own tests, and the store of the benchmark's
 * "floor" phase (the same pipeline with storage costing almost nothing). It passes the same port
 * contract as the real stores, so a test that uses it tests the pipeline, not the fake. Holds
 * everything in heap; never a candidate for real use. One lock for all: simple, and contention is
 * not what the floor measures.
 */
public final class InMemoryCaseStore implements CaseStore {
    private final Map<String, CaseRecord> cases = new HashMap<>();
    private final Map<String, Set<Long>> batchesDone = new HashMap<>();
    /** Per case: row → field → rejection, so a retried ingest rewrites rather than duplicates. */
    private final Map<String, TreeMap<Long, Map<String, RowRejection>>> rejects = new HashMap<>();
    private final Map<String, List<DecisionEntry>> decisions = new HashMap<>();
    /** Per case and alert id: the claim (token, when) or, once sent, the token "SENT". */
    private final Map<String, Map<String, Map.Entry<String, java.time.Instant>>> alerts = new HashMap<>();
    private static final String SENT = "SENT";

    @Override
    public synchronized OpenOutcome open(CaseRecord candidate) {
        CaseRecord existing = cases.putIfAbsent(candidate.caseId(), candidate);
        return existing == null ? new OpenOutcome(candidate, true) : new OpenOutcome(existing, false);
    }

    @Override
    public synchronized Optional<CaseRecord> find(String caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public synchronized List<CaseRecord> list() {
        List<CaseRecord> all = new ArrayList<>(cases.values());
        all.sort(Comparator.comparing(CaseRecord::openedAt).reversed());
        return all;
    }

    @Override
    public synchronized boolean correctAwareness(String caseId, java.time.Instant expectedDeadline,
                                                 org.breachtriage.core.manifest.IncidentMetadata corrected,
                                                 java.time.Instant deadline) {
        CaseRecord stored = cases.get(caseId);
        if (stored == null || !expectedDeadline.equals(stored.art33Deadline())) {
            return false;
        }
        cases.put(caseId, stored.withAwareness(corrected, deadline));
        return true;
    }

    @Override
    public synchronized boolean transition(String caseId, CaseStatus from, CaseStatus to, String reason) {
        CaseRecord stored = cases.get(caseId);
        if (stored == null || stored.status() != from) {
            return false;
        }
        cases.put(caseId, stored.withStatus(to, reason));
        return true;
    }

    @Override
    public synchronized Optional<CaseRecord> finishIngest(String caseId, long rowsRead, long rowsAccepted,
            long rowsRejected, long batchesQueued) {
        CaseRecord stored = cases.get(caseId);
        if (stored == null || stored.status() != CaseStatus.INGESTING) {
            return Optional.empty();
        }
        Map<String, Long> counters = new HashMap<>(stored.counters());
        counters.put(Counters.ROWS_READ, rowsRead);
        counters.put(Counters.ROWS_ACCEPTED, rowsAccepted);
        counters.put(Counters.ROWS_REJECTED, rowsRejected);
        CaseRecord updated = stored.withIngestTotals(batchesQueued, counters)
                .withStatus(CaseStatus.SCORING, stored.failureReason());
        cases.put(caseId, updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized void addRejects(String caseId, Collection<RowRejection> more) {
        TreeMap<Long, Map<String, RowRejection>> byRow = rejects.computeIfAbsent(caseId, id -> new TreeMap<>());
        for (RowRejection reject : more) {
            byRow.computeIfAbsent(reject.rowNumber(), row -> new TreeMap<>())
                    .put(reject.field() == null ? "" : reject.field(), reject);
        }
    }

    @Override
    public synchronized void forEachReject(String caseId, Consumer<RowRejection> consumer) {
        rejects.getOrDefault(caseId, new TreeMap<>()).values().forEach(row -> row.values().forEach(consumer));
    }

    @Override
    public synchronized Optional<CaseRecord> completeBatch(String caseId, long batchNo, Map<String, Long> deltas) {
        CaseRecord stored = cases.get(caseId);
        if (stored == null) {
            throw new IllegalStateException("cannot complete batch " + batchNo + ": no case " + caseId);
        }
        if (!batchesDone.computeIfAbsent(caseId, id -> new HashSet<>()).add(batchNo)) {
            return Optional.empty();
        }
        Map<String, Long> counters = new HashMap<>(stored.counters());
        deltas.forEach((name, delta) -> counters.merge(name, delta, Long::sum));
        counters.merge(Counters.BATCHES_DONE, 1L, Long::sum);
        CaseRecord updated = stored.withIngestTotals(stored.batchesQueued(), counters);
        cases.put(caseId, updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized void appendDecision(String caseId, DecisionEntry entry) {
        decisions.computeIfAbsent(caseId, id -> new ArrayList<>()).add(entry);
    }

    @Override
    public synchronized List<DecisionEntry> decisions(String caseId) {
        return List.copyOf(decisions.getOrDefault(caseId, List.of()));
    }

    @Override
    public boolean recordsAlerts() {
        return true;
    }

    @Override
    public synchronized boolean claimAlert(String caseId, String alertId, String token, java.time.Instant now,
                                           java.time.Duration lease) {
        Map<String, Map.Entry<String, java.time.Instant>> ofCase = alerts.computeIfAbsent(caseId, k -> new HashMap<>());
        Map.Entry<String, java.time.Instant> claim = ofCase.get(alertId);
        if (claim != null && (SENT.equals(claim.getKey()) || claim.getValue().plus(lease).isAfter(now))) {
            return token.equals(claim.getKey());
        }
        ofCase.put(alertId, Map.entry(token, now));
        return true;
    }

    @Override
    public synchronized void markAlertSent(String caseId, String alertId, java.time.Instant at) {
        alerts.computeIfAbsent(caseId, k -> new HashMap<>()).put(alertId, Map.entry(SENT, at));
    }
}
