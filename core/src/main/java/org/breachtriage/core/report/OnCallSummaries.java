package org.breachtriage.core.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.OutboundMessage;

/** Builds the {@link OnCallSummary} of an incident report. */
public final class OnCallSummaries {
    private OnCallSummaries() {
    }

    public static OnCallSummary from(ReportSubject subject, ReportContext context) {
        Map<Band, Long> byBand = new LinkedHashMap<>();
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            byBand.put(band, subject.counter(Counters.band(band)));
        }
        long read = subject.counter(Counters.ROWS_READ);
        long accepted = subject.counter(Counters.ROWS_ACCEPTED);
        long rejected = subject.counter(Counters.ROWS_REJECTED);
        long persons = subject.counter(Counters.PERSONS_TOTAL);
        long initial = subject.counter(Counters.NOTICES_INITIAL);
        long escalation = subject.counter(Counters.NOTICES_ESCALATION);
        long notices = initial + escalation;
        Instant deadline = Art33Law.deadline(subject);
        IncidentMetadata incident = subject.incident();
        return new OnCallSummary(
                OnCallSummary.SCHEMA_VERSION,
                OnCallSummary.EVENT_TYPE,
                subject.incidentId(),
                subject.caseId(),
                subject.reportNumber(),
                subject.phase(),
                subject.status(),
                context.force(),
                incident == null ? null : incident.supplier(),
                incident == null ? null : incident.reference(),
                read,
                accepted,
                rejected,
                read - accepted - rejected,
                persons,
                subject.counter(Counters.PERSONS_MATCHED),
                subject.counter(Counters.PERSONS_UNMATCHED),
                subject.counter(Counters.PERSONS_NO_LONGER_LISTED),
                subject.counter(Counters.MANIFESTS_TOTAL),
                subject.counter(Counters.MANIFESTS_SUPERSEDED),
                byBand,
                notices,
                initial,
                escalation,
                subject.counter(Counters.NOTICES_PUBLISHED),
                subject.counter(Counters.NOTICES_AWAITING_RELEASE),
                subject.counter(Counters.PEOPLE_HELD),
                subject.art33Required(),
                deadline,
                Art33Law.hoursToDeadline(deadline, context.generatedAt()),
                context.generatedAt(),
                headline(subject.subjectId(), persons, byBand, notices,
                        subject.counter(Counters.NOTICES_AWAITING_RELEASE), subject.art33Required(), deadline,
                        context.generatedAt(), read - accepted - rejected),
                subject.counter(Counters.PERSONS_NON_STAFF));
    }

    /**
     * "BT-ab12: 2,514 people, 38 VERY_HIGH, 112 HIGH, 150 notices; ICO deadline 2023-08-27T09:00Z (in 31 h)".
     * Rows unaccounted for are put first in the headline: that is a bug to look at before anything else.
     */
    static String headline(String caseId, long persons, Map<Band, Long> byBand, long notices, long awaitingRelease,
                           boolean art33Required, Instant deadline, Instant now, long rowsUnaccounted) {
        StringBuilder out = new StringBuilder(Text.oneLine(caseId)).append(": ");
        if (rowsUnaccounted != 0) {
            out.append(SmallCounts.grouped(rowsUnaccounted)).append(" rows UNACCOUNTED FOR; ");
        }
        out.append(SmallCounts.grouped(persons)).append(persons == 1 ? " person, " : " people, ")
                .append(SmallCounts.grouped(byBand.getOrDefault(Band.VERY_HIGH, 0L))).append(" VERY_HIGH, ")
                .append(SmallCounts.grouped(byBand.getOrDefault(Band.HIGH, 0L))).append(" HIGH, ")
                .append(SmallCounts.grouped(notices)).append(notices == 1 ? " notice planned (" : " notices planned (")
                .append(SmallCounts.grouped(awaitingRelease)).append(" awaiting release); ");
        out.append("ICO deadline ").append(Text.minutes(deadline)).append(" (")
                .append(Art33Law.describeRemaining(deadline, now)).append(')');
        if (!art33Required) {
            out.append(", notification assessed as not required");
        }
        return out.toString();
    }

    /** The summary as an alerts-topic message, with the attributes subscription filters use. */
    public static OutboundMessage toMessage(OnCallSummary summary) {
        String severity = "NONE";
        for (Map.Entry<Band, Long> band : summary.byBand().entrySet()) {
            if (band.getValue() > 0) {
                severity = band.getKey().name();
                break;
            }
        }
        return new OutboundMessage(summary.incidentId() + "/" + OnCallSummary.EVENT_TYPE + "/" + summary.reportNumber(),
                summary.toJson(),
                summary.toText(), Map.of(
                        "eventType", OnCallSummary.EVENT_TYPE,
                        "severity", severity,
                        "force", Text.oneLine(summary.force()),
                        "supplier", Text.oneLine(summary.supplier())));
    }
}
