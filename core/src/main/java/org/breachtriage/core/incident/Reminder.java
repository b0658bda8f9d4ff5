package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * A reminder of the Art. 33 clock, at most one per threshold. It is planned (recorded) before it is
 * published and marked sent after, so a clock run that dies in between publishes it again, with the
 * same message id, on its next run rather than never. A threshold that had already passed when a more
 * urgent one fell due is recorded as skipped: a 24-hour reminder sent with 5 hours left would only
 * confuse.
 *
 * @param at when it reached its state
 */
public record Reminder(Threshold threshold, State state, Instant at) {

    public enum State { PLANNED, SENT, SKIPPED }

    /** The thresholds, least urgent first. */
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

        /** The reminder is due once no more than this many hours are left (0: once the deadline has passed). */
        public int hoursLeft() {
            return hoursLeft;
        }

        /** The part of the message id that tells thresholds apart: "24h", "6h", "overdue". */
        public String label() {
            return this == OVERDUE ? "overdue" : hoursLeft + "h";
        }
    }

    public boolean done() {
        return state != State.PLANNED;
    }
}
