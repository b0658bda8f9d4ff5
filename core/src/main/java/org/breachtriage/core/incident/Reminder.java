package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * A reminder of the Art. 33 clock, sent at most once per threshold. It is planned (recorded) before
 * it is published and marked sent after, so a clock run that dies in between publishes it again, with
 * the same message id, on its next run rather than never.
 *
 * @param threshold {@link Threshold#name()}
 * @param sentAt    null while planned
 */
public record Reminder(Threshold threshold, Instant plannedAt, Instant sentAt) {

    /** The thresholds, most urgent last. */
    public enum Threshold {
        HOURS_24("incident.deadline", 24),
        HOURS_6("incident.deadline", 6),
        OVERDUE("incident.overdue", 0);

        private final String eventType;
        private final int hoursLeft;

        Threshold(String eventType, int hoursLeft) {
            this.eventType = eventType;
            this.hoursLeft = hoursLeft;
        }

        public String eventType() {
            return eventType;
        }

        /** The reminder is due once no more than this many hours are left (0: the deadline has passed). */
        public int hoursLeft() {
            return hoursLeft;
        }

        /** The part of the message id that tells thresholds apart: "24h", "6h", "overdue". */
        public String label() {
            return this == OVERDUE ? "overdue" : hoursLeft + "h";
        }
    }

    public boolean sent() {
        return sentAt != null;
    }

    public Reminder sent(Instant at) {
        return new Reminder(threshold, plannedAt, at);
    }
}
