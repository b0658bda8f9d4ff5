package org.breachtriage.core.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.incident.Reminder.State;
import org.breachtriage.core.incident.Reminder.Threshold;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.release.ReleaseFigures;

/**
 * Watches every incident's Art. 33 clock (earliest awareness + 72 hours) until the ICO submission is
 * recorded, and reminds on-call on the alerts topic, without personal data: {@code incident.deadline}
 * when 24 hours and when 6 hours are left, {@code incident.overdue} once the deadline has passed.
 *
 * <p>Idempotent, and safe to run from two places at once (an hourly scheduled function, or
 * {@code triage clock} by hand): each reminder is planned on the incident by compare-and-set before
 * it is published and marked sent after, so only one run publishes it; a run that dies in between
 * leaves it planned, and the next run publishes it again under the same message id. When a run finds
 * a more urgent threshold already due, the less urgent ones still unsent are recorded as skipped.
 */
public final class IncidentClock {
    private final IncidentService incidents;
    private final PersonStore persons;
    private final NoticePublisher publisher;
    private final Clock clock;

    public IncidentClock(IncidentService incidents, PersonStore persons, NoticePublisher publisher, Clock clock) {
        this.incidents = incidents;
        this.persons = persons;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** One reminder this run published. */
    public record Sent(String incidentId, Threshold threshold, long hoursLeft, long noticesAwaitingRelease) {
    }

    /** What a check did. */
    public record Outcome(Instant now, int incidentsChecked, List<Sent> sent) {
        public Outcome {
            sent = List.copyOf(sent);
        }
    }

    /** Checks every incident at the clock's time. */
    public Outcome check() {
        return check(clock.instant());
    }

    /** Checks every incident as if it were {@code now} (the CLI's {@code --now}, for drills and tests). */
    public Outcome check(Instant now) {
        List<Sent> sent = new ArrayList<>();
        int checked = 0;
        for (IncidentRecord incident : incidents.store().list()) {
            if (incident.icoSubmission() != null) {
                continue;
            }
            checked++;
            due(incident, now).ifPresent(threshold -> remind(incident.incidentId(), threshold, now).ifPresent(sent::add));
        }
        return new Outcome(now, checked, sent);
    }

    /** The most urgent threshold reached at {@code now}, if any. */
    static Optional<Threshold> due(IncidentRecord incident, Instant now) {
        Duration left = Duration.between(now, incident.art33Deadline());
        if (!left.isPositive()) {
            return Optional.of(Threshold.OVERDUE);
        }
        if (left.compareTo(Duration.ofHours(Threshold.HOURS_6.hoursLeft())) <= 0) {
            return Optional.of(Threshold.HOURS_6);
        }
        if (left.compareTo(Duration.ofHours(Threshold.HOURS_24.hoursLeft())) <= 0) {
            return Optional.of(Threshold.HOURS_24);
        }
        return Optional.empty();
    }

    /** Plans, publishes and marks one reminder; empty when it was already sent or skipped. */
    private Optional<Sent> remind(String incidentId, Threshold threshold, Instant now) {
        IncidentRecord planned = incidents.update(incidentId, current -> {
            if (current.icoSubmission() != null || current.reminder(threshold).isPresent()) {
                return null;
            }
            IncidentRecord next = current;
            for (Threshold earlier : Threshold.values()) {
                if (earlier.compareTo(threshold) < 0 && next.reminder(earlier).isEmpty()) {
                    next = next.withReminder(new Reminder(earlier, State.SKIPPED, now));
                }
            }
            next = next.withReminder(new Reminder(threshold, State.PLANNED, now));
            return new IncidentRecord(next.incidentId(), next.force(), next.reference(), next.supplier(), next.openedAt(),
                    next.earliestAwareAt(), next.manifests(), next.reports(), next.reminders(), next.icoSubmission(),
                    next.approvals(), next.generalCommunication(), current.version() + 1, next.regime(),
                    next.workforceManifests());
        });
        Reminder reminder = planned.reminder(threshold).orElseThrow();
        if (reminder.done() || planned.icoSubmission() != null) {
            return Optional.empty();
        }
        long hoursLeft = Duration.between(now, planned.art33Deadline()).toHours();
        long awaiting = noticesAwaitingRelease(incidentId);
        publisher.publish(Topic.ALERTS, List.of(message(planned, threshold, hoursLeft, awaiting)));
        incidents.update(incidentId, current -> current.reminder(threshold).filter(r -> r.state() == State.PLANNED)
                .map(r -> current.withReminder(new Reminder(threshold, State.SENT, clock.instant()))).orElse(null));
        incidents.log(incidentId, "reminder sent", threshold.eventType() + " (" + threshold.label() + "): the ICO report"
                + " is due at " + planned.art33Deadline() + ", " + describe(hoursLeft) + "; " + awaiting
                + " notice(s) awaiting release.");
        return Optional.of(new Sent(incidentId, threshold, hoursLeft, awaiting));
    }

    /** Notices waiting for a person's release (those of people held not included). */
    private long noticesAwaitingRelease(String incidentId) {
        return ReleaseFigures.read(incidents.require(incidentId), persons).awaitingTotal();
    }

    private static OutboundMessage message(IncidentRecord incident, Threshold threshold, long hoursLeft, long awaiting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", Messages.SCHEMA_VERSION);
        body.put("eventType", threshold.eventType());
        body.put("incidentId", incident.incidentId());
        body.put("reference", incident.reference());
        body.put("supplier", incident.supplier());
        body.put("threshold", threshold.label());
        body.put("art33Deadline", incident.art33Deadline().toString());
        body.put("hoursLeft", hoursLeft);
        body.put("noticesAwaitingRelease", awaiting);
        body.put("manifests", incident.manifests().size());
        Map<String, String> attributes = new HashMap<>();
        attributes.put("eventType", threshold.eventType());
        if (incident.force() != null && !incident.force().isBlank()) {
            attributes.put("force", incident.force());
        }
        if (incident.supplier() != null && !incident.supplier().isBlank()) {
            attributes.put("supplier", incident.supplier());
        }
        String text = "Breach Triage: the ICO Art. 33 report for incident " + incident.incidentId()
                + (incident.reference() == null ? "" : " (" + incident.reference() + ")") + " is due at "
                + incident.art33Deadline() + ", " + describe(hoursLeft) + ". " + awaiting
                + " notice(s) awaiting release. Record the submission with: triage ico submitted "
                + incident.incidentId() + " --ico-reference REF";
        return new OutboundMessage(incident.incidentId() + "/" + threshold.eventType() + "/" + threshold.label(),
                Json.write(body), text, attributes);
    }

    private static String describe(long hoursLeft) {
        return hoursLeft > 0 ? hoursLeft + " h left" : hoursLeft == 0 ? "less than an hour either side"
                : "overdue by " + (-hoursLeft) + " h";
    }
}
