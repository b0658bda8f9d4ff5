package org.breachtriage.core.pipeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
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
     * The manifest's own Art. 33 verdict. {@code verdict} is {@code REQUIRED}, {@code NOT_REQUIRED} or
     * {@code NONE}: a manifest of which every row was rejected names nobody and gives none
     * ({@code required} is then false, and {@code reasoning} says why and what to do).
     */
    public record Art33(boolean required, Instant deadline, String reasoning, String verdict) {
        public static final String REQUIRED = "REQUIRED";
        public static final String NOT_REQUIRED = "NOT_REQUIRED";
        public static final String NONE = "NONE";

        public Art33(boolean required, Instant deadline, String reasoning) {
            this(required, deadline, reasoning, required ? REQUIRED : NOT_REQUIRED);
        }

        static Art33 of(CaseRecord c) {
            if (!c.hasArt33Verdict()) {
                return new Art33(false, c.art33Deadline(), CaseLifecycle.noVerdictReason(c.caseId(),
                        c.counter(Counters.ROWS_REJECTED)), NONE);
            }
            return new Art33(c.art33Required(), c.art33Deadline(), c.art33Reasoning());
        }
    }

    /** The summary with where the case's notices stand ({@link CaseNotices#read}) and what this run published. */
    public static RunSummary of(CaseRecord c, CaseNotices notices, long publishedThisRun) {
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
                Art33.of(c));
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
