package org.breachtriage.core.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records that the report to the ICO was made, which stops the clock's reminders and goes in the
 * incident's decision log. A submission after the deadline must say why (Art. 33(1)); the reason is
 * carried by the next follow-up draft. Recording the same submission again changes nothing; a
 * different one is refused, because the record is evidence.
 */
public final class IcoSubmissions {
    /** A submission time this far ahead of this machine's clock is taken for a mistake, not clock skew. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

    private final IncidentService incidents;
    private final Clock clock;

    public IcoSubmissions(IncidentService incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    /** A submission that cannot be recorded as given; the message says what to change. */
    public static final class InvalidSubmission extends IllegalArgumentException {
        InvalidSubmission(String message) {
            super(message);
        }
    }

    /**
     * @param at         when the report was made; null for now
     * @param lateReason why it is after the deadline; required then, and refused otherwise
     * @return the incident as stored afterwards, and whether this call recorded it
     */
    public Recorded record(String incidentId, String icoReference, Instant at, String lateReason) {
        if (icoReference == null || icoReference.isBlank()) {
            throw new InvalidSubmission("the ICO's reference for the report is required (--ico-reference)");
        }
        Instant now = clock.instant();
        Instant submittedAt = at == null ? now : at;
        if (submittedAt.isAfter(now.plus(ALLOWED_SKEW))) {
            throw new InvalidSubmission("the submission time " + submittedAt + " is in the future (now " + now + ")");
        }
        IncidentRecord incident = incidents.require(incidentId);
        boolean late = submittedAt.isAfter(incident.art33Deadline());
        String reason = lateReason == null || lateReason.isBlank() ? null : lateReason.trim();
        if (late && reason == null) {
            throw new InvalidSubmission("the report was made at " + submittedAt + ", after the deadline "
                    + incident.art33Deadline() + ": say why with --late-reason TEXT (UK GDPR Art. 33(1))");
        }
        if (!late && reason != null) {
            throw new InvalidSubmission("the report was made at " + submittedAt + ", before the deadline "
                    + incident.art33Deadline() + ", so there is no lateness to explain: leave out --late-reason");
        }
        IcoSubmission submission = new IcoSubmission(submittedAt, icoReference.trim(), reason, now);
        IcoSubmission existing = incident.icoSubmission();
        if (existing != null) {
            if (existing.icoReference().equals(submission.icoReference())
                    && existing.submittedAt().equals(submission.submittedAt())) {
                return new Recorded(incident, false);
            }
            throw new InvalidSubmission("incident " + incidentId + " already has a submission recorded ("
                    + existing.icoReference() + " at " + existing.submittedAt() + "); it is not overwritten");
        }
        IncidentRecord stored = incidents.update(incidentId, current ->
                current.icoSubmission() != null ? null : current.withIcoSubmission(submission));
        boolean recordedNow = submission.equals(stored.icoSubmission());
        if (recordedNow) {
            incidents.log(incidentId, "ico submitted", "The report to the ICO was made at " + submittedAt
                    + " (ICO reference " + submission.icoReference() + ")"
                    + (late ? ", after the deadline " + incident.art33Deadline() + ": " + reason : ", within the deadline")
                    + ". Deadline reminders stop.");
        }
        return new Recorded(stored, recordedNow);
    }

    public record Recorded(IncidentRecord incident, boolean recordedNow) {
    }
}
