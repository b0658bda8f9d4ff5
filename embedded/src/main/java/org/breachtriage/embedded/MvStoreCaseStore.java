package org.breachtriage.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.scoring.PersonResult;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link CaseStore} on an MVStore file.
 *
 * <p>Layout: one {@code cases} map (case id → case + finished-batch ranges), and per case a results
 * log (sequence number → result, appended in the order results arrive), a pay-number index (pay
 * number → sequence number), a rejects map (zero-padded row number + field → rejection, so key
 * order is row order) and a decisions map (sequence → entry). Per-case maps keep keys short.
 *
 * <p>Why a log plus an index rather than one map keyed by pay number: manifests arrive in no
 * particular pay-number order, and MVStore is a copy-on-write B-tree, so random inserts of
 * ~250-byte results dirty a different page each time and every commit rewrites most of the map.
 * Measured on a million rows that was several times slower (and GC-bound) than appending the
 * results and inserting only small pay-number → sequence entries at random. Reads go through the
 * index; a result is only taken as the person's if its own pay number matches, so an index entry
 * left dangling by a crash between the two writes reads as absent and is reused.
 *
 * <p>Every conditional write is one {@link MVMap#operate} call on one entry, which MVStore applies
 * atomically (retrying under contention), so scorer threads need no lock of ours, and a crash can
 * never persist half of an update: {@link #completeBatch} keeps the batch marker and the counters it
 * adds in the same value.
 */
public final class MvStoreCaseStore implements CaseStore {
    private static final String CASES = "cases";
    private static final String RESULTS_PREFIX = "case.results/";
    private static final String PAY_INDEX_PREFIX = "case.payIndex/";
    private static final String REJECTS_PREFIX = "case.rejects/";
    private static final String DECISIONS_PREFIX = "case.decisions/";
    private static final int ROW_DIGITS = 19;

    private static final Comparator<CaseRecord> NEWEST_FIRST = Comparator
            .comparing(CaseRecord::openedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CaseRecord::caseId);

    private final MVStore store;
    private final MVMap<String, StoredCase> cases;
    private final Map<String, Results> resultsByCase = new ConcurrentHashMap<>();
    private final Map<String, MVMap<String, RowRejection>> rejectMaps = new ConcurrentHashMap<>();
    private final Map<String, MVMap<Long, DecisionEntry>> decisionMaps = new ConcurrentHashMap<>();

    MvStoreCaseStore(MVStore store) {
        this.store = store;
        this.cases = store.openMap(CASES, new MVMap.Builder<String, StoredCase>()
                .keyType(StringDataType.INSTANCE).valueType(StoredCaseType.INSTANCE));
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
        forEachValue(cases, stored -> all.add(stored.record()));
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
        forEachValue(rejectMap(caseId, false), consumer);
    }

    @Override
    public Optional<PersonResult> putResultIfAbsent(PersonResult result) {
        String payNumber = requirePayNumber(result.payNumber());
        Results results = results(result.caseId(), true);
        // Log first, index second: once the index names a sequence number, its result is there.
        long seq = results.nextSeq.getAndIncrement();
        results.log.put(seq, result);
        while (true) {
            Long taken = results.index.putIfAbsent(payNumber, seq);
            if (taken == null || taken == seq) { // == seq: a crash-dangling entry that happens to name our slot
                return Optional.empty();
            }
            PersonResult existing = results.resultAt(taken, payNumber);
            if (existing != null) {
                results.log.remove(seq);
                return Optional.of(existing);
            }
            if (results.index.replace(payNumber, taken, seq)) { // dangling entry: take it over
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean replaceResult(PersonResult updated, int expectedVersion) {
        String payNumber = requirePayNumber(updated.payNumber());
        return updateResult(updated.caseId(), payNumber, stored ->
                stored.version() == expectedVersion ? updated : null);
    }

    @Override
    public Optional<PersonResult> findResult(String caseId, String payNumber) {
        requirePayNumber(payNumber);
        Results results = results(caseId, false);
        if (results == null) {
            return Optional.empty();
        }
        Long seq = results.index.get(payNumber);
        return seq == null ? Optional.empty() : Optional.ofNullable(results.resultAt(seq, payNumber));
    }

    @Override
    public void forEachResult(String caseId, Consumer<PersonResult> consumer) {
        Results results = results(caseId, false);
        if (results == null) {
            return;
        }
        readingOneVersion(() -> {
            Cursor<String, Long> cursor = results.index.cursor(null);
            while (cursor.hasNext()) {
                String payNumber = cursor.next();
                PersonResult result = results.resultAt(cursor.getValue(), payNumber);
                if (result != null) {
                    consumer.accept(result);
                }
            }
        });
    }

    @Override
    public void markNoticesSent(String caseId, Collection<String> payNumbers) {
        for (String payNumber : payNumbers) {
            updateResult(caseId, requirePayNumber(payNumber), stored -> stored.noticeSent() ? null : stored.withNoticeSent());
        }
    }

    /** Atomically rewrites a stored result; {@code change} returns null to leave it. @return true if rewritten */
    private boolean updateResult(String caseId, String payNumber, UnaryOperator<PersonResult> change) {
        Results results = results(caseId, false);
        Long seq = results == null ? null : results.index.get(payNumber);
        if (seq == null) {
            return false;
        }
        return AtomicUpdate.apply(results.log, seq, stored ->
                stored == null || !stored.payNumber().equals(payNumber) ? null : change.apply(stored)).isPresent();
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
        forEachValue(decisionMap(caseId, false), entries::add);
        return entries;
    }

    /** A case's results log and pay-number index, opened together. */
    private record Results(MVMap<Long, PersonResult> log, MVMap<String, Long> index, AtomicLong nextSeq) {
        PersonResult resultAt(long seq, String payNumber) {
            PersonResult result = log.get(seq);
            return result != null && result.payNumber().equals(payNumber) ? result : null;
        }
    }

    private Results results(String caseId, boolean create) {
        requireCaseId(caseId);
        Results results = resultsByCase.get(caseId);
        if (results != null) {
            return results;
        }
        if (!create && !store.hasMap(PAY_INDEX_PREFIX + caseId)) {
            return null;
        }
        return resultsByCase.computeIfAbsent(caseId, id -> {
            MVMap<Long, PersonResult> log = store.openMap(RESULTS_PREFIX + id, new MVMap.Builder<Long, PersonResult>()
                    .keyType(LongDataType.INSTANCE).valueType(new PersonResultType(id)));
            MVMap<String, Long> index = store.openMap(PAY_INDEX_PREFIX + id, new MVMap.Builder<String, Long>()
                    .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
            Long last = log.lastKey();
            return new Results(log, index, new AtomicLong(last == null ? 0 : last + 1));
        });
    }

    private MVMap<String, RowRejection> rejectMap(String caseId, boolean create) {
        return perCaseMap(rejectMaps, REJECTS_PREFIX, caseId, create, id -> new MVMap.Builder<String, RowRejection>()
                .keyType(StringDataType.INSTANCE).valueType(RowRejectionType.INSTANCE));
    }

    private MVMap<Long, DecisionEntry> decisionMap(String caseId, boolean create) {
        return perCaseMap(decisionMaps, DECISIONS_PREFIX, caseId, create, id -> new MVMap.Builder<Long, DecisionEntry>()
                .keyType(LongDataType.INSTANCE).valueType(DecisionEntryType.INSTANCE));
    }

    /** Reads never create maps, so looking at an unknown case leaves no trace in the file. */
    private <K, V> MVMap<K, V> perCaseMap(Map<String, MVMap<K, V>> cache, String prefix, String caseId,
            boolean create, Function<String, MVMap.Builder<K, V>> builder) {
        requireCaseId(caseId);
        MVMap<K, V> map = cache.get(caseId);
        if (map != null) {
            return map;
        }
        String name = prefix + caseId;
        if (!create && !store.hasMap(name)) {
            return null;
        }
        return cache.computeIfAbsent(caseId, id -> store.openMap(name, builder.apply(id)));
    }

    private <K, V> void forEachValue(MVMap<K, V> map, Consumer<V> consumer) {
        if (map == null) {
            return;
        }
        readingOneVersion(() -> {
            Cursor<K, V> cursor = map.cursor(null);
            while (cursor.hasNext()) {
                cursor.next();
                consumer.accept(cursor.getValue());
            }
        });
    }

    /**
     * Pins the store version a long walk reads, as MVStore's TransactionStore does: background
     * compaction otherwise frees chunks the cursor still needs ("Chunk N not found", h2database
     * issue 4383), which the benchmark hit reading a big case right after reopening the state dir.
     */
    private void readingOneVersion(Runnable walk) {
        MVStore.TxCounter pinned = store.registerVersionUsage();
        try {
            walk.run();
        } finally {
            store.deregisterVersionUsage(pinned);
        }
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

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
