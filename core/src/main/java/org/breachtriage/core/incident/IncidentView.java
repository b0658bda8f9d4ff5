package org.breachtriage.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.cases.Art33Verdict;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.ReleaseFigures;

/**
 * An incident as {@code triage incident} shows it (the JSON contract: fields may be added; these
 * stay). Aggregates only: people are distinct across the incident's manifests, and those named only
 * in superseded manifests are counted apart as no longer listed. {@code regime} is the regime its
 * reports cite and why (stated or derived), or null: UK GDPR, nothing having said otherwise.
 */
public record IncidentView(
        String incidentId,
        String reference,
        String force,
        String supplier,
        Instant earliestAwareAt,
        List<Manifest> manifests,
        Persons persons,
        Map<String, Long> bands,
        Notices notices,
        Art33 art33,
        int reports,
        IncidentRegime regime) {

    /** One manifest: its case, status and own row accounting. */
    public record Manifest(String caseId, String source, String status, boolean superseded, String supersededBy,
                           long rowsRead, long rowsAccepted, long rowsRejected) {
    }

    /** {@code total = matched + unmatched + nonStaff}: matched and unmatched count staff only. */
    public record Persons(long total, long matched, long unmatched, long noLongerListed, long nonStaff) {
        /** An incident of staff only. */
        public Persons(long total, long matched, long unmatched, long noLongerListed) {
            this(total, matched, unmatched, noLongerListed, 0);
        }
    }

    /**
     * Where the people stand on being told. {@code initial}: people whose first notice is published;
     * {@code escalation}: escalation notices published; {@code awaitingRelease}: notices waiting for
     * approvers, by band; {@code held}: people held and not yet told; {@code generalCommunication}:
     * people covered only by the general staff communication; {@code releasing}: notices released
     * and not yet published; {@code withdrawn}: notices replaced by one for a higher band before they
     * went out; {@code noIndividualNotice}: people outside the workforce with no individual notice (the
     * general staff communication is not addressed to them, so they are not counted as covered by it);
     * {@code generalCommunicationApplies}: false for an incident with nobody of the workforce, which gets no
     * general staff communication. Once everything is released,
     * {@code initial + held + generalCommunication + noIndividualNotice} is {@code persons.total}.
     */
    public record Notices(long initial, long escalation, Map<String, Long> awaitingRelease, long held,
                          long generalCommunication, long releasing, long withdrawn, Instant generalCommunicationSentAt,
                          long noIndividualNotice, boolean generalCommunicationApplies) {

        /** The notices of an incident of staff only. */
        public Notices(long initial, long escalation, Map<String, Long> awaitingRelease, long held,
                       long generalCommunication, long releasing, long withdrawn, Instant generalCommunicationSentAt) {
            this(initial, escalation, awaitingRelease, held, generalCommunication, releasing, withdrawn,
                    generalCommunicationSentAt, 0, true);
        }
    }

    /**
     * The clock: the deadline runs from the earliest awareness any manifest states. {@code verdict} is
     * {@code REQUIRED}, {@code NOT_REQUIRED}, or {@code NONE} while no manifest not superseded has an
     * accepted row (see {@link CaseRecord#hasArt33Verdict}); the clock runs all the same. It is
     * {@code provisional} (the decision made at opening, from the incident details alone) until every
     * such manifest's people are scored; then it is decided from their bands and the mitigations, and
     * {@code reasoning} says why (the Art. 33(5) record when not required).
     */
    public record Art33(boolean required, Instant deadline, long hoursLeft, Instant submittedAt, String icoReference,
                        String lateReason, String verdict, boolean provisional, String reasoning) {
    }

    /** As {@link #of(IncidentRecord, List, Map, ReleaseFigures, Instant, Band)} with the default notice threshold HIGH. */
    public static IncidentView of(IncidentRecord incident, List<CaseRecord> cases, Map<String, Long> figures,
                                  ReleaseFigures release, Instant now) {
        return of(incident, cases, figures, release, now, Band.HIGH);
    }

    /**
     * The view; its Art. 33 verdict is {@link Art33Verdict#decide} over the manifests not superseded and
     * the incident's distinct people, provisional while some are still being scored.
     */
    public static IncidentView of(IncidentRecord incident, List<CaseRecord> cases, Map<String, Long> figures,
                                  ReleaseFigures release, Instant now, Band noticeAtOrAbove) {
        List<Manifest> manifests = incident.manifests().stream().map(m -> {
            Optional<CaseRecord> c = cases.stream().filter(x -> x.caseId().equals(m.caseId())).findFirst();
            return new Manifest(m.caseId(), m.source(), c.map(x -> x.status().name()).orElse("UNKNOWN"), m.superseded(),
                    m.supersededBy(), c.map(x -> x.counter(Counters.ROWS_READ)).orElse(0L),
                    c.map(x -> x.counter(Counters.ROWS_ACCEPTED)).orElse(0L),
                    c.map(x -> x.counter(Counters.ROWS_REJECTED)).orElse(0L));
        }).toList();
        Map<String, Long> bands = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            bands.put(band.name(), figures.getOrDefault(Counters.band(band), 0L));
        }
        return new IncidentView(incident.incidentId(), incident.reference(), incident.force(), incident.supplier(),
                incident.earliestAwareAt(), manifests,
                new Persons(figures.getOrDefault(Counters.PERSONS_TOTAL, 0L), figures.getOrDefault(Counters.PERSONS_MATCHED, 0L),
                        figures.getOrDefault(Counters.PERSONS_UNMATCHED, 0L),
                        figures.getOrDefault(Counters.PERSONS_NO_LONGER_LISTED, 0L),
                        figures.getOrDefault(Counters.PERSONS_NON_STAFF, 0L)),
                bands,
                new Notices(release.initial(), release.escalation(), release.awaitingByBand(), release.held(),
                        release.generalCommunication(), release.releasing(), release.withdrawn(),
                        incident.generalCommunication() == null ? null : incident.generalCommunication().sentAt(),
                        release.noIndividualNotice(), release.workforce() > 0),
                art33Of(incident, cases, figures, now, noticeAtOrAbove),
                incident.reports().size(),
                incident.regime());
    }

    /**
     * The view's Art. 33 part on its own: it needs the incident's figures, not the notice figures that cost the
     * view a scan of the incident's people (see {@link IncidentQueries#art33}).
     */
    static Art33 art33Of(IncidentRecord incident, List<CaseRecord> cases, Map<String, Long> figures, Instant now,
                         Band noticeAtOrAbove) {
        List<CaseRecord> active = cases.stream().filter(c -> !incident.supersededCaseIds().contains(c.caseId())).toList();
        Art33Verdict art33 = Art33Verdict.decide(active, figures, noticeAtOrAbove, incident.reportingRegime());
        IcoSubmission ico = incident.icoSubmission();
        return new Art33(art33.required(), incident.art33Deadline(), hoursLeft(incident.art33Deadline(), now),
                ico == null ? null : ico.submittedAt(), ico == null ? null : ico.icoReference(),
                ico == null ? null : ico.lateReason(), art33.verdict(), art33.provisional(),
                // A case opened before its rows said whose data it is: put in the incident's regime's words.
                org.breachtriage.core.report.PartThreeWording.reasoning(art33.reasoning(), incident.reportingRegime()));
    }

    /** Whole hours to the deadline, negative once it has passed (rounded towards the deadline). */
    static long hoursLeft(Instant deadline, Instant now) {
        return Duration.between(now, deadline).toHours();
    }
}
