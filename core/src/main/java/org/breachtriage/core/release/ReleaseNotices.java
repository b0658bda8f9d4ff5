package org.breachtriage.core.release;

import java.time.Instant;
import java.util.Objects;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.model.Band;

/**
 * The release step between a person's assessment and their notice: approvals, holds, and publishing
 * what they released. The CLI and the release function only build these commands.
 */
public interface ReleaseNotices {

    /** One approver's yes to the notices waiting now (of one band, or all when {@code band} is null). */
    record Approve(String incidentId, Approver approver, Band band, String reason) {
        public Approve {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(approver, "approver");
        }
    }

    /**
     * Keep one person's notices back; with {@code restriction}, as a DPA 2018 s.68(7) restriction on telling
     * a victim, witness or suspect (refused for staff and for a UK GDPR incident).
     *
     * @param payNumber the person's key: a pay number, or a subject type and subject_ref ({@code VICTIM:REF})
     */
    record HoldPerson(String incidentId, String payNumber, String by, String identity, String reason,
                      S68Restriction restriction) {
        public HoldPerson {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(payNumber, "payNumber");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a hold needs a reason, e.g. \"to be told by their handler\"");
            }
        }

        /** An ordinary hold. */
        public HoldPerson(String incidentId, String payNumber, String by, String identity, String reason) {
            this(incidentId, payNumber, by, identity, reason, null);
        }
    }

    /** Let one held person's notices go again. */
    record LiftHold(String incidentId, String payNumber, String by, String identity) {
    }

    /**
     * What an approval did.
     *
     * @param covered   the notices waiting for release when it was given, which is all it applies to
     * @param counted   those it added a yes to (not already approved by the same approver)
     * @param released  those whose rule it met
     * @param published notices published by this call (its own, and any a dead publisher left released)
     */
    record Approved(String approvalId, int covered, int counted, int released, int published, ReleaseFigures after) {
    }

    /**
     * What a hold or unhold did.
     *
     * @param changed   false when the person was already held (or not held)
     * @param inFlight  notices already claimed by a publisher: on their way, too late to keep back
     * @param published notices an unhold published at once (their rule needs no approver)
     * @param alreadyPublishedAt for a hold, when the person's last notice already published went out (null:
     *                  none had): a hold cannot take it back, it applies to any later notice
     */
    record HoldOutcome(boolean changed, int inFlight, int published, Instant alreadyPublishedAt) {

        /** Nothing had been published to the person. */
        public HoldOutcome(boolean changed, int inFlight, int published) {
            this(changed, inFlight, published, null);
        }
    }

    Approved approve(Approve command);

    HoldOutcome hold(HoldPerson command);

    HoldOutcome unhold(LiftHold command);

    /** Publishes what is released: a batch's people, or the whole incident; and the general communication. */
    NoticeDispatch.Dispatched publishReleased(ReleaseRequest request);
}
