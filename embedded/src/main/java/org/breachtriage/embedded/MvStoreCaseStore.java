package org.breachtriage.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link CaseStore} on an MVStore file.
 *
 * <p>Layout: one {@code cases} map (case id → case + finished-batch ranges), and per case a rejects
 * map (zero-padded row number + field → rejection, so key order is row order) and a decisions map
 * (sequence → entry). Per-case maps keep keys short. People are in {@link MvStorePersonStore}.
 *
 * <p>Every conditional write is one {@link MVMap#operate} call on one entry, which MVStore applies
 * atomically (retrying under contention), so scorer threads need no lock of ours, and a crash can
 * never persist half of an update: {@link #completeBatch} keeps the batch marker and the counters it
 * adds in the same value.
 */
public final class MvStoreCaseStore implements CaseStore {
    private static final String CASES = "cases";
    private static final String REJECTS_PREFIX = "case.rejects/";
    private static final String DECISIONS_PREFIX = "case.decisions/";
    private static final int ROW_DIGITS = 19;

    private static final Comparator<CaseRecord> NEWEST_FIRST = Comparator
            .comparing(CaseRecord::openedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CaseRecord::caseId);

    private final StoreMaps maps;
    private final MVMap<String, StoredCase> cases;
    private final StoreMaps.PerOwner<String, RowRejection> rejectMaps;
    private final StoreMaps.PerOwner<Long, DecisionEntry> decisionMaps;

    MvStoreCaseStore(StoreMaps maps) {
        this.maps = maps;
        this.cases = maps.store().openMap(CASES, new MVMap.Builder<String, StoredCase>()
                .keyType(StringDataType.INSTANCE).valueType(StoredCaseType.INSTANCE));
        this.rejectMaps = maps.perOwner(REJECTS_PREFIX, id -> new MVMap.Builder<String, RowRejection>()
                .keyType(StringDataType.INSTANCE).valueType(RowRejectionType.INSTANCE));
        this.decisionMaps = maps.perOwner(DECISIONS_PREFIX, id -> new MVMap.Builder<Long, DecisionEntry>()
                .keyType(LongDataType.INSTANCE).valueType(DecisionEntryType.INSTANCE));
    }

    @Override
    public OpenOutcome open(CaseRecord candidate) {
        String caseId = requireCaseId(candidate.caseId());
        StoredCase existing = cases.putIfAbsent(caseId, new StoredCase(candidate, BatchRanges.EMPTY));
        return existing == null ? new OpenOutcome(candidate, true) : new OpenOutcome(existing.record(), false);
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        StoredCase stored = cases.get(requireCaseId(caseId));
        return stored == null ? Optional.empty() : Optional.of(stored.record());
    }

    @Override
    public List<CaseRecord> list() {
        List<CaseRecord> all = new ArrayList<>();
        maps.forEachValue(cases, stored -> all.add(stored.record()));
        all.sort(NEWEST_FIRST);
        return all;
    }

    @Override
    public boolean transition(String caseId, CaseStatus from, CaseStatus to, String reason) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return AtomicUpdate.apply(cases, requireCaseId(caseId), stored ->
                stored == null || stored.record().status() != from ? null
                        : new StoredCase(stored.record().withStatus(to, reason), stored.batchesDone())).isPresent();
    }

    @Override
    public boolean correctAwareness(String caseId, Instant expectedDeadline, IncidentMetadata corrected, Instant deadline) {
        return AtomicUpdate.apply(cases, requireCaseId(caseId), stored ->
                stored == null || !expectedDeadline.equals(stored.record().art33Deadline()) ? null
                        : new StoredCase(stored.record().withAwareness(corrected, deadline), stored.batchesDone()))
                .isPresent();
    }

    @Override
    public Optional<CaseRecord> finishIngest(String caseId, long rowsRead, long rowsAccepted, long rowsRejected,
            long batchesQueued) {
        return AtomicUpdate.apply(cases, requireCaseId(caseId), stored -> {
            if (stored == null || stored.record().status() != CaseStatus.INGESTING) {
                return null;
            }
            // Scorers may already have counted batches while ingest was still queueing: keep their counters.
            Map<String, Long> counters = new HashMap<>(stored.record().counters());
            counters.put(Counters.ROWS_READ, rowsRead);
            counters.put(Counters.ROWS_ACCEPTED, rowsAccepted);
            counters.put(Counters.ROWS_REJECTED, rowsRejected);
            CaseRecord updated = stored.record().withIngestTotals(batchesQueued, counters)
                    .withStatus(CaseStatus.SCORING, stored.record().failureReason());
            return new StoredCase(updated, stored.batchesDone());
        }).map(StoredCase::record);
    }

    @Override
    public void addRejects(String caseId, Collection<RowRejection> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        MVMap<String, RowRejection> map = rejectMap(caseId, true);
        for (RowRejection reject : rejects) {
            map.put(rejectKey(reject), reject);
        }
    }

    @Override
    public void forEachReject(String caseId, Consumer<RowRejection> consumer) {
        maps.forEachValue(rejectMap(caseId, false), consumer);
    }

    /**
     * @throws IllegalStateException if there is no such case: batches are only queued for open
     *         cases, so this is a bug or a store that was swapped underneath the pipeline
     */
    @Override
    public Optional<CaseRecord> completeBatch(String caseId, long batchNo, Map<String, Long> counterDeltas) {
        Objects.requireNonNull(counterDeltas, "counterDeltas");
        return AtomicUpdate.apply(cases, requireCaseId(caseId), stored -> {
            if (stored == null) {
                throw new IllegalStateException("cannot complete batch " + batchNo + ": no case " + caseId);
            }
            if (stored.batchesDone().contains(batchNo)) {
                return null;
            }
            Map<String, Long> counters = new HashMap<>(stored.record().counters());
            counterDeltas.forEach((name, delta) -> counters.merge(name, delta, Long::sum));
            counters.merge(Counters.BATCHES_DONE, 1L, Long::sum);
            CaseRecord record = stored.record();
            return new StoredCase(record.withIngestTotals(record.batchesQueued(), counters),
                    stored.batchesDone().with(batchNo));
        }).map(StoredCase::record);
    }

    @Override
    public void appendDecision(String caseId, DecisionEntry entry) {
        Objects.requireNonNull(entry, "entry");
        MVMap<Long, DecisionEntry> map = decisionMap(caseId, true);
        // Decisions are rare (a few per case); a monitor is the simplest way to hand out sequence numbers.
        synchronized (map) {
            Long last = map.lastKey();
            map.put(last == null ? 0L : last + 1, entry);
        }
    }

    @Override
    public List<DecisionEntry> decisions(String caseId) {
        List<DecisionEntry> entries = new ArrayList<>();
        maps.forEachValue(decisionMap(caseId, false), entries::add);
        return entries;
    }

    private MVMap<String, RowRejection> rejectMap(String caseId, boolean create) {
        return rejectMaps.get(caseId, create);
    }

    private MVMap<Long, DecisionEntry> decisionMap(String caseId, boolean create) {
        return decisionMaps.get(caseId, create);
    }

    /**
     * Zero-padded so lexical key order is row order; the field is part of the key so that two
     * problems in one row are both kept, while a retried ingest rewrites rather than duplicates.
     */
    static String rejectKey(RowRejection reject) {
        if (reject.rowNumber() < 0) {
            throw new IllegalArgumentException("row rejection has a negative row number: " + reject.rowNumber());
        }
        String digits = Long.toString(reject.rowNumber());
        StringBuilder key = new StringBuilder(ROW_DIGITS + 1 + (reject.field() == null ? 0 : reject.field().length()));
        key.repeat('0', ROW_DIGITS - digits.length()).append(digits).append('/');
        if (reject.field() != null) {
            key.append(reject.field());
        }
        return key.toString();
    }

    private static String requireCaseId(String caseId) {
        if (caseId == null || caseId.isEmpty()) {
            throw new IllegalArgumentException("case id is missing");
        }
        return caseId;
    }
}
