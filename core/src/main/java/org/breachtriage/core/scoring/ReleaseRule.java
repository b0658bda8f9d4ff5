package org.breachtriage.core.scoring;

import java.util.Locale;

/**
 * Who must say yes before a band's notices go out: nobody ({@code auto}), one approver, or two
 * different approvers. A person decides before anyone at real risk is told; the policy file sets
 * the rule per band, so the force's choice is versioned with the rest of its policy.
 */
public enum ReleaseRule {
    AUTO(0), ONE(1), TWO(2);

    private final int approvalsNeeded;

    ReleaseRule(int approvalsNeeded) {
        this.approvalsNeeded = approvalsNeeded;
    }

    /** How many distinct approvers must release a notice under this rule. */
    public int approvalsNeeded() {
        return approvalsNeeded;
    }

    /** "auto", "one" or "two", as the policy file spells it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
