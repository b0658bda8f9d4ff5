package org.breachtriage.core.incident;

import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ReleaseRule;

/**
 * A notice to someone told under DPA 2018 s.68 never goes out on its own, whatever its band's release
 * rule: s.68(7) lets a person restrict it (for example not to prejudice an investigation), and that
 * decision can only be taken while the notice still waits. A band released automatically would publish
 * it during the run, before anyone could decide. So such a notice waits for at least one approver (the
 * release step: triage pending, triage release); a band that asks for two keeps asking for two.
 */
public final class S68Release {
    private S68Release() {
    }

    /**
     * True for a notice to a victim, witness or suspect (whose data is law enforcement data whatever any
     * metadata says), or to another subject outside the workforce whose notice cites s.68: under the
     * incident's regime, or under the regime this manifest states (the incident may not know it yet).
     */
    public static boolean applies(IncidentRegime incident, SubjectType subject, Regime statedByManifest) {
        if (subject.staff()) {
            return false;
        }
        return subject.lawEnforcementSubject() || IncidentRegime.forNotice(incident, subject) == Regime.DPA_2018_PART_3
                || statedByManifest == Regime.DPA_2018_PART_3;
    }

    /** The decision with at least one approver, and a reason that says why, for a notice under s.68. */
    public static NoticeDecision waitForApprover(NoticeDecision decision, Band band) {
        if (!decision.sendsNotice() || decision.release().approvalsNeeded() > 0) {
            return decision;
        }
        return new NoticeDecision(decision.required(), decision.channel(), decision.templateId(), ReleaseRule.ONE,
                decision.reason() + " " + reason(band));
    }

    /** The sentence the decision's reason gains. */
    public static String reason(Band band) {
        return "Band " + band + " is released automatically, but this notice is to a person told under DPA 2018 s.68:"
                + " it waits for at least one approver (triage pending, triage release), so that a person can first"
                + " decide whether to restrict it under s.68(7).";
    }
}
