package org.breachtriage.core.golden;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ReleaseRule;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * What each person should come out as, worked out from the inputs alone: their manifest row(s), their
 * roster record and the incident, handed straight to {@link SeverityScorer} and the policy. The
 * pipeline's stored people are checked against this, so a pipeline that loses an input on the way to
 * the scorer (the staff record, an echo, the incident's circumstances) is caught.
 *
 * <p>It knows nothing of the pipeline (no ledger, service or store) and folds rows by the manifest
 * contract only: a pay number listed twice, in one manifest or several, is one person exposed to the
 * union of the rows' fields; a row with no fields takes its incident's defaults; the first rank and
 * vetting-level echo given counts; a person the roster lacks is scored from the echoes. The union is
 * scored under the circumstances of each manifest that named the person and the highest score kept,
 * as no later manifest lowers a band.
 */
public final class Rescoring {

    /** One manifest: its incident metadata (as the supplier stated it) and its accepted rows, in order. */
    public record Listing(IncidentMetadata incident, List<ManifestRow> rows) {
    }

    /**
     * One person as the inputs say they must be assessed, and what the policy then decides for them;
     * {@code input} is what the kept assessment was scored from (so a test can score a variant of it).
     */
    public record Expected(String payNumber, StaffMember member, Set<DataCategory> exposed, Assessment assessment,
                           NoticeDecision decision, ScoringInput input) {
        public Band band() {
            return assessment.band();
        }

        public boolean matched() {
            return member != null;
        }
    }

    private Rescoring() {
    }

    /** Every person the listings name, by pay number, in the order they were first named. */
    public static Map<String, Expected> of(ScoringPolicy policy, Map<String, StaffMember> roster, List<Listing> listings) {
        Map<String, Gathered> people = new LinkedHashMap<>();
        for (Listing listing : listings) {
            for (ManifestRow row : listing.rows()) {
                people.computeIfAbsent(row.payNumber(), Gathered::new).add(row, listing.incident());
            }
        }
        SeverityScorer scorer = new SeverityScorer(policy);
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (Gathered person : people.values()) {
            StaffMember member = roster.get(person.payNumber);
            Assessment best = null;
            ScoringInput bestInput = null;
            for (IncidentMetadata incident : person.incidents) {
                ScoringInput input = new ScoringInput(Set.copyOf(person.exposed), member, person.rank, person.vetting,
                        incident);
                Assessment a = scorer.assess(input);
                if (best == null || a.score() > best.score()) {
                    best = a;
                    bestInput = input;
                }
            }
            expected.put(person.payNumber, new Expected(person.payNumber, member, Set.copyOf(person.exposed), best,
                    policy.decide(best.band(), member), bestInput));
        }
        return expected;
    }

    /** People per band, every band present, as the run summary and incident view print them. */
    public static Map<String, Long> bandTable(Collection<Expected> people) {
        Map<String, Long> table = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            table.put(band.name(), people.stream().filter(p -> p.band() == band).count());
        }
        return table;
    }

    /** Where a planned notice stands once the run's release step has published what needs no approver. */
    public enum Standing { PUBLISHED, AWAITING_RELEASE, WITHDRAWN }

    /**
     * One notice as the policy's rules plan it: whose, which kind and band, which listing (and which of
     * its batches, from 0) planned it, where it stands.
     */
    public record ExpectedNotice(String payNumber, NoticeKind kind, Band band, int listing, long batchNo,
                                 Standing standing) {
    }

    /**
     * The notices the policy plans for the listings, worked out from the inputs and the policy file's
     * rules, in the order they are planned. It follows each person batch by batch (a batch is
     * {@code batchSize} consecutive accepted rows of one listing; rows of one person in a batch arrive
     * together), because who gets a notice depends on the band they have at each step:
     * <ul>
     *   <li>a notice when the person's band is one the policy sends an individual message for and is
     *       above every band of a notice they still have (withdrawn ones do not count);</li>
     *   <li>it is {@code initial} while none of theirs has gone out, and an {@code escalation} after;</li>
     *   <li>it replaces (withdraws) their notices not yet out;</li>
     *   <li>a band whose release rule is {@code auto} goes out when the listing's run ends (the release
     *       step runs after a manifest's batches, as a local run does); the others wait for approvers.</li>
     * </ul>
     * The band at each step is the scorer's, on what the listings said so far, as {@link #of} works it out
     * for the end.
     */
    public static List<ExpectedNotice> notices(ScoringPolicy policy, Map<String, StaffMember> roster,
                                               List<Listing> listings, int batchSize) {
        SeverityScorer scorer = new SeverityScorer(policy);
        Map<String, Gathered> people = new LinkedHashMap<>();
        Map<String, Assessment> kept = new LinkedHashMap<>();
        Map<String, List<Planned>> planned = new LinkedHashMap<>();
        for (int l = 0; l < listings.size(); l++) {
            Listing listing = listings.get(l);
            List<ManifestRow> rows = listing.rows();
            for (int from = 0; from < rows.size(); from += batchSize) {
                Map<String, Gathered> inBatch = new LinkedHashMap<>();
                for (ManifestRow row : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                    Gathered person = people.computeIfAbsent(row.payNumber(), Gathered::new);
                    person.add(row, listing.incident());
                    inBatch.put(row.payNumber(), person);
                }
                for (Gathered person : inBatch.values()) {
                    StaffMember member = roster.get(person.payNumber);
                    Assessment best = null;
                    for (IncidentMetadata incident : person.incidents) {
                        Assessment a = scorer.assess(new ScoringInput(person.exposed, member, person.rank,
                                person.vetting, incident));
                        if (best == null || a.score() > best.score()) {
                            best = a;
                        }
                    }
                    // No later sighting lowers a band: a lower score keeps the assessment before it.
                    Assessment before = kept.get(person.payNumber);
                    Assessment now = before != null && best.score() < before.score() ? before : best;
                    kept.put(person.payNumber, now);
                    plan(policy, member, person.payNumber, now.band(), l, from / batchSize,
                            planned.computeIfAbsent(person.payNumber, p -> new ArrayList<>()));
                }
            }
            // The listing's run ends with the release step: what needed no approver goes out.
            planned.values().forEach(list -> list.replaceAll(n -> n.standing == Standing.AWAITING_RELEASE && n.auto
                    ? n.now(Standing.PUBLISHED) : n));
        }
        List<ExpectedNotice> all = new ArrayList<>();
        planned.values().forEach(list -> list.forEach(n -> all.add(n.notice)));
        return all;
    }

    /** A notice being planned; {@code auto} when its band's release rule needs no approver. */
    private record Planned(ExpectedNotice notice, Standing standing, boolean auto) {
        Planned now(Standing next) {
            ExpectedNotice n = notice;
            return new Planned(new ExpectedNotice(n.payNumber(), n.kind(), n.band(), n.listing(), n.batchNo(), next),
                    next, auto);
        }
    }

    private static void plan(ScoringPolicy policy, StaffMember member, String payNumber, Band band, int listing,
                             long batchNo, List<Planned> notices) {
        NoticeDecision decision = policy.decide(band, member);
        Band told = notices.stream().filter(n -> n.standing != Standing.WITHDRAWN).map(n -> n.notice.band())
                .max(Band::compareTo).orElse(null);
        if (!decision.sendsNotice() || told != null && band.compareTo(told) <= 0) {
            return;
        }
        boolean anyOut = notices.stream().anyMatch(n -> n.standing == Standing.PUBLISHED);
        notices.replaceAll(n -> n.standing == Standing.AWAITING_RELEASE ? n.now(Standing.WITHDRAWN) : n);
        notices.add(new Planned(new ExpectedNotice(payNumber, anyOut ? NoticeKind.ESCALATION : NoticeKind.INITIAL, band,
                listing, batchNo, Standing.AWAITING_RELEASE), Standing.AWAITING_RELEASE,
                decision.release() == ReleaseRule.AUTO));
    }

    /** People the policy assesses as needing an Art. 34 notice. */
    public static long art34Required(Collection<Expected> people) {
        return people.stream().filter(p -> p.decision().required()).count();
    }

    private static final class Gathered {
        final String payNumber;
        final Set<DataCategory> exposed = EnumSet.noneOf(DataCategory.class);
        final List<IncidentMetadata> incidents = new ArrayList<>();
        String rank;
        String vetting;

        Gathered(String payNumber) {
            this.payNumber = payNumber;
        }

        void add(ManifestRow row, IncidentMetadata incident) {
            exposed.addAll(row.exposedFields().isEmpty() ? incident.defaultExposedFields() : row.exposedFields());
            rank = rank != null ? rank : echo(row.rank());
            vetting = vetting != null ? vetting : echo(row.vettingLevel());
            if (!incidents.contains(incident)) {
                incidents.add(incident);
            }
        }

        private static String echo(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }
}
