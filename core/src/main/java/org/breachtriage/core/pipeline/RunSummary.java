package org.breachtriage.core.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.Art33Verdict;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.CaseNotices;

/**
 * The run-summary contract printed by {@code triage run}, {@code status} and {@code --aws process}
 * (fields may be added; these stay). Aggregates only. It is about one manifest: its rows, the people
 * it named and the band it alone gives them, the notices its batches planned and where they stand. The incident it joined is
 * {@code incidentId} (see {@code IncidentView} for the incident's own figures).
 */
public record RunSummary(
        String caseId,
        String incidentId,
        String status,
        String failureReason,
        String source,
        String supplier,
        String reference,
        String policyVersion,
        Rows rows,
        Persons persons,
        Map<String, Long> bands,
        Notices notices,
        Art33 art33) {

    public record Rows(long read, long accepted, long rejected) {
    }

    /**
     * People the manifest names: {@code total = matched + unmatched + nonStaff}; matched and unmatched are
     * staff rows (found in the staff table or not), nonStaff the victims, witnesses, suspects and others.
     */
    public record Persons(long total, long matched, long unmatched, long nonStaff) {
        /** A manifest of staff only. */
        public Persons(long total, long matched, long unmatched) {
            this(total, matched, unmatched, 0);
        }
    }

    /**
     * Where the notices this manifest's batches planned stand: {@code planned = published + releasing +
     * awaitingRelease + held + withdrawn}.
     *
     * @param planned          planned by this manifest's batches, the same on a re-run
     * @param published        published so far
     * @param releasing        released, not yet published (a publisher is at work, or died and its lease runs out)
     * @param awaitingRelease  waiting for a person's release (those of people held not included)
     * @param held             kept back by a hold on the person
     * @param withdrawn        replaced, before they went out, by a notice for a higher band
     * @param publishedThisRun the notices this run published, any manifest's (0 on a re-run of a finished case)
     */
    public record Notices(long planned, long published, long releasing, long awaitingRelease, long held, long withdrawn,
                          long publishedThisRun) {

        /** Every planned notice is in exactly one state. */
        public boolean balances() {
            return planned == published + releasing + awaitingRelease + held + withdrawn;
        }
    }

    /**
     * The Art. 33 verdict. {@code verdict} is {@code REQUIRED}, {@code NOT_REQUIRED} or
     * {@code NONE}: a manifest of which every row was rejected names nobody and gives none
     * ({@code required} is then false, and {@code reasoning} says why and what to do). Otherwise it is
     * the incident's verdict where the caller gives it (as {@code triage incident} shows it), else the
     * case's decision at opening; {@code provisional} while it is not yet decided from the assessment.
     */
    public record Art33(boolean required, Instant deadline, String reasoning, String verdict, boolean provisional) {
        public static final String REQUIRED = "REQUIRED";
        public static final String NOT_REQUIRED = "NOT_REQUIRED";
        public static final String NONE = "NONE";

        public Art33(boolean required, Instant deadline, String reasoning) {
            this(required, deadline, reasoning, required ? REQUIRED : NOT_REQUIRED, false);
        }

        /** The case's own decision at opening: provisional until its incident's people are scored. */
        static Art33 of(CaseRecord c) {
            if (!c.hasArt33Verdict()) {
                return new Art33(false, c.art33Deadline(), CaseLifecycle.noVerdictReason(c.caseId(),
                        c.counter(Counters.ROWS_REJECTED)), NONE, false);
            }
            return new Art33(c.art33Required(), c.art33Deadline(), Art33Verdict.PROVISIONAL + c.art33Reasoning(),
                    c.art33Required() ? REQUIRED : NOT_REQUIRED, true);
        }

        /**
         * The incident's decision, which the incident view and the report show too; a manifest without
         * an accepted row keeps its NONE.
         */
        static Art33 of(CaseRecord c, IncidentView.Art33 incident) {
            if (!c.hasArt33Verdict() || incident == null || Art33Verdict.NONE.equals(incident.verdict())) {
                return of(c);
            }
            return new Art33(incident.required(), c.art33Deadline(), incident.reasoning(), incident.verdict(),
                    incident.provisional());
        }
    }

    /** The summary with where the case's notices stand ({@link CaseNotices#read}) and what this run published. */
    public static RunSummary of(CaseRecord c, CaseNotices notices, long publishedThisRun) {
        return of(c, notices, publishedThisRun, null);
    }

    /**
     * As {@link #of(CaseRecord, CaseNotices, long)}, with the Art. 33 verdict of the incident the case
     * joined ({@code triage incident}'s {@code art33}), so that the two agree; null: the case's own,
     * provisional.
     */
    public static RunSummary of(CaseRecord c, CaseNotices notices, long publishedThisRun, IncidentView.Art33 incident) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            bands.put(band.name(), c.counter(Counters.band(band)));
        }
        return new RunSummary(c.caseId(), c.incidentId(), c.status().name(), c.failureReason(), c.source(), c.incident().supplier(),
                c.incident().reference(), c.policyVersion(),
                new Rows(c.counter(Counters.ROWS_READ), c.counter(Counters.ROWS_ACCEPTED), c.counter(Counters.ROWS_REJECTED)),
                new Persons(c.counter(Counters.PERSONS_TOTAL), c.counter(Counters.PERSONS_MATCHED),
                        c.counter(Counters.PERSONS_UNMATCHED), c.counter(Counters.PERSONS_NON_STAFF)),
                bands, new Notices(c.counter(Counters.NOTICES_PLANNED), notices.published(), notices.releasing(),
                        notices.awaitingRelease(), notices.held(), notices.withdrawn(), publishedThisRun),
                Art33.of(c, incident));
    }

    /** The accounting the issue promises: every row and every person is somewhere. */
    public boolean balances() {
        long banded = bands.values().stream().mapToLong(Long::longValue).sum();
        return rows.read == rows.accepted + rows.rejected
                && persons.total == persons.matched + persons.unmatched + persons.nonStaff
                && banded == persons.total
                && notices.balances();
    }
}
