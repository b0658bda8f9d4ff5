package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * The one general staff communication an incident gets (advice and the contact point, no personal
 * data): it covers everyone the policy sends no individual notice. Not an Art. 34 notice. Planned on
 * the incident by compare-and-set (the planner's token says who won), published, then marked sent;
 * a plan whose publisher died is taken over once its lease has run out.
 *
 * @param letterKey where its text is, under {@code letters/<incident>/}
 */
public record GeneralCommunication(String templateId, String letterKey, String plannedBy, Instant plannedAt,
                                   Instant sentAt) {

    public boolean sent() {
        return sentAt != null;
    }

    /** Planned by a publisher still within its lease, or already sent: nobody else should send it. */
    public boolean taken(Instant now) {
        return sent() || plannedAt.plus(PersonNotice.CLAIM_LEASE).isAfter(now);
    }

    /** Planned and not sent: if its planner is known to be dead, the plan can be dropped and made again. */
    public boolean plannedUnsent() {
        return !sent();
    }

    public GeneralCommunication sentAt(Instant at) {
        return new GeneralCommunication(templateId, letterKey, plannedBy, plannedAt, at);
    }
}
