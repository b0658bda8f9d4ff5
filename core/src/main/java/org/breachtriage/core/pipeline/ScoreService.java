package org.breachtriage.core.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.PersonResult;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * Scores one batch: looks everyone up in one call, scores, stores each result once, publishes the
 * notices the policy asks for, and adds the batch's counts to the case once.
 *
 * <p>Delivery is at-least-once, so every step is safe to repeat: a result is written only if absent,
 * a notice is sent only while the stored result says it has not been, and the case counters move only
 * the first time a batch number completes. A pay number repeated in a later batch widens the stored
 * result (union of exposed fields) and moves it between bands if its score changes.
 */
public final class ScoreService implements ScoreBatch {
    private static final int MAX_MERGE_ATTEMPTS = 5;

    private final StaffDirectory staff;
    private final CaseStore cases;
    private final CaseLifecycle lifecycle;
    private final NoticePublisher publisher;
    private final SeverityScorer scorer;
    private final ScoringPolicy policy;

    public ScoreService(StaffDirectory staff, CaseStore cases, CaseLifecycle lifecycle, NoticePublisher publisher,
                        SeverityScorer scorer, ScoringPolicy policy) {
        this.staff = staff;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.scorer = scorer;
        this.policy = policy;
    }

    public record BatchOutcome(String caseId, long batchNo, int persons, int noticesPublished, boolean alreadyDone,
                               boolean scoredNow) {
    }

    @Override
    public BatchOutcome score(Command command) {
        RowBatch batch = command.batch();
        Map<String, Exposure> people = mergeByPerson(batch);
        Map<String, StaffMember> found = staff.findAll(people.keySet());
        Map<String, Long> deltas = new HashMap<>();
        List<PersonResult> toNotify = new ArrayList<>();
        for (Exposure exposure : people.values()) {
            StaffMember member = found.get(exposure.payNumber);
            PersonResult fresh = assess(batch, exposure, member);
            Optional<PersonResult> stored = cases.putResultIfAbsent(fresh);
            if (stored.isEmpty()) {
                countNew(deltas, fresh);
                if (fresh.notice().required()) {
                    toNotify.add(fresh);
                }
            } else if (stored.get().batchNo() == batch.batchNo()) {
                // Written by an earlier attempt of this same batch whose counts may never have landed;
                // completeBatch below adds them only if this batch has not completed before.
                PersonResult ours = stored.get();
                countNew(deltas, ours);
                if (ours.noticeSent()) {
                    add(deltas, Counters.NOTICES_PUBLISHED, 1);
                } else if (ours.notice().required()) {
                    toNotify.add(ours);
                }
            } else {
                widen(batch, stored.get(), exposure, member, deltas, toNotify);
            }
        }
        int published = publishNotices(batch, toNotify);
        add(deltas, Counters.NOTICES_PUBLISHED, published);
        Optional<CaseRecord> completed = cases.completeBatch(batch.caseId(), batch.batchNo(), deltas);
        boolean scoredNow = lifecycle.batchScored(batch.caseId(), completed, command.redelivered());
        return new BatchOutcome(batch.caseId(), batch.batchNo(), people.size(), published, completed.isEmpty(),
                scoredNow);
    }

    private PersonResult assess(RowBatch batch, Exposure exposure, StaffMember member) {
        Assessment assessment = scorer.assess(new ScoringInput(exposure.categories, member, exposure.rank,
                exposure.vettingLevel, batch.incident()));
        NoticeDecision notice = policy.decide(assessment.band(), member);
        return new PersonResult(batch.caseId(), exposure.payNumber, member != null, exposure.categories, assessment,
                notice, member == null ? null : member.staffType(), member == null ? null : member.force(),
                batch.batchNo(), false, 0);
    }

    /** A pay number seen again in a later batch: the person's exposure is the union of both rows. */
    private void widen(RowBatch batch, PersonResult stored, Exposure exposure, StaffMember member,
                       Map<String, Long> deltas, List<PersonResult> toNotify) {
        PersonResult current = stored;
        for (int attempt = 0; attempt < MAX_MERGE_ATTEMPTS; attempt++) {
            if (current.exposed().containsAll(exposure.categories)) {
                return;
            }
            Exposure union = exposure.unionWith(current.exposed());
            PersonResult rescored = assess(batch, union, member);
            PersonResult merged = new PersonResult(current.caseId(), current.payNumber(), current.matched(),
                    union.categories, rescored.assessment(), rescored.notice(), current.staffType(), current.force(),
                    current.batchNo(), current.noticeSent(), current.version() + 1);
            if (cases.replaceResult(merged, current.version())) {
                moveBand(deltas, current, merged);
                for (DataCategory category : merged.exposed()) {
                    if (!current.exposed().contains(category)) {
                        add(deltas, Counters.category(category), 1);
                    }
                }
                if (merged.notice().required() && !merged.noticeSent()) {
                    toNotify.add(merged);
                }
                return;
            }
            current = cases.findResult(current.caseId(), current.payNumber()).orElseThrow();
        }
        throw new IllegalStateException("result for a person in case " + stored.caseId()
                + " kept changing under us; batch " + batch.batchNo() + " will be retried");
    }

    private int publishNotices(RowBatch batch, List<PersonResult> results) {
        if (results.isEmpty()) {
            return 0;
        }
        List<OutboundMessage> messages = new ArrayList<>(results.size());
        List<String> payNumbers = new ArrayList<>(results.size());
        for (PersonResult result : results) {
            messages.add(Messages.notice(batch.incident(), result));
            payNumbers.add(result.payNumber());
        }
        publisher.publish(Topic.NOTICES, messages);
        cases.markNoticesSent(batch.caseId(), payNumbers);
        return messages.size();
    }

    private static void countNew(Map<String, Long> deltas, PersonResult result) {
        add(deltas, Counters.PERSONS_TOTAL, 1);
        add(deltas, result.matched() ? Counters.PERSONS_MATCHED : Counters.PERSONS_UNMATCHED, 1);
        add(deltas, Counters.band(result.assessment().band()), 1);
        add(deltas, Counters.staffTypeBand(result.staffType(), result.assessment().band()), 1);
        for (DataCategory category : result.exposed()) {
            add(deltas, Counters.category(category), 1);
        }
    }

    private static void moveBand(Map<String, Long> deltas, PersonResult before, PersonResult after) {
        Band from = before.assessment().band();
        Band to = after.assessment().band();
        if (from != to) {
            add(deltas, Counters.band(from), -1);
            add(deltas, Counters.band(to), 1);
            add(deltas, Counters.staffTypeBand(before.staffType(), from), -1);
            add(deltas, Counters.staffTypeBand(after.staffType(), to), 1);
        }
    }

    private static void add(Map<String, Long> deltas, String counter, long amount) {
        if (amount != 0) {
            deltas.merge(counter, amount, Long::sum);
        }
    }

    /** Rows of one batch merged per pay number, with incident defaults applied to rows that named no fields. */
    private static Map<String, Exposure> mergeByPerson(RowBatch batch) {
        Map<String, Exposure> people = new LinkedHashMap<>();
        for (ManifestRow row : batch.rows()) {
            Exposure exposure = Exposure.of(row, batch.incident());
            people.merge(row.payNumber(), exposure, Exposure::merge);
        }
        return people;
    }

    /** What one person's rows say was exposed, and the echoes the scorer can use if the staff table lacks them. */
    private record Exposure(String payNumber, Set<DataCategory> categories, String rank, String vettingLevel) {

        static Exposure of(ManifestRow row, IncidentMetadata incident) {
            Set<DataCategory> categories = row.exposedFields().isEmpty()
                    ? incident.defaultExposedFields() : row.exposedFields();
            return new Exposure(row.payNumber(), categories, blankToNull(row.rank()), blankToNull(row.vettingLevel()));
        }

        Exposure merge(Exposure other) {
            return new Exposure(payNumber, union(categories, other.categories), rank != null ? rank : other.rank,
                    vettingLevel != null ? vettingLevel : other.vettingLevel);
        }

        Exposure unionWith(Set<DataCategory> more) {
            return new Exposure(payNumber, union(categories, more), rank, vettingLevel);
        }

        private static Set<DataCategory> union(Set<DataCategory> a, Set<DataCategory> b) {
            EnumSet<DataCategory> all = EnumSet.noneOf(DataCategory.class);
            all.addAll(a);
            all.addAll(b);
            return all;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }
}
