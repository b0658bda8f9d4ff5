package org.breachtriage.core.report;

import java.time.Duration;
import java.time.Instant;
import org.breachtriage.core.cases.Regime;

/**
 * The provisions a breach report cites. Workforce data falls under UK GDPR Art. 33; data about
 * victims, witnesses or suspects under DPA 2018 Part 3, s.67, which has the same 72 hours and the
 * same four required items in a different numbering.
 *
 * @param title       the provision as a heading names it
 * @param duty        the duty to notify within 72 hours
 * @param delay       the duty to give reasons when later than 72 hours
 * @param contents    the list of what the report must include, items (a)–(d)
 * @param phases      the permission to report in phases
 */
record Art33Law(Regime regime, String title, String duty, String delay, String contents, String phases) {
    static final Duration WINDOW = Duration.ofHours(72);

    static Art33Law of(Regime regime) {
        if (regime == Regime.DPA_2018_PART_3) {
            return new Art33Law(regime, "Data Protection Act 2018, Part 3, section 67", "DPA 2018 s.67(1)",
                    "DPA 2018 s.67(3)", "DPA 2018 s.67(4)", "DPA 2018 s.67(5)");
        }
        return new Art33Law(Regime.UK_GDPR, "UK GDPR Article 33", "Art. 33(1)", "Art. 33(1)", "Art. 33(3)",
                "Art. 33(4)");
    }

    /** "Art. 33(3)(a)" or "DPA 2018 s.67(4)(a)". */
    String item(char letter) {
        return contents + "(" + letter + ")";
    }

    /**
     * 72 hours after the force became aware. The case's own deadline is used only when the incident
     * has no awareness time (it is derived the same way when the case is opened).
     */
    static Instant deadline(ReportSubject subject) {
        if (subject.incident() != null && subject.incident().awareAt() != null) {
            return subject.incident().awareAt().plus(WINDOW);
        }
        return subject.art33Deadline();
    }

    /** Whole hours from {@code now} to the deadline, negative once it has passed; null if unknown. */
    static Long hoursToDeadline(Instant deadline, Instant now) {
        return deadline == null ? null : Duration.between(now, deadline).toHours();
    }

    /** "in 31 h", "in under 1 h", "overdue by 5 h", "overdue by under 1 h"; "unknown". */
    static String describeRemaining(Instant deadline, Instant now) {
        if (deadline == null) {
            return "unknown";
        }
        Duration left = Duration.between(now, deadline);
        if (left.isPositive()) {
            return left.toHours() == 0 ? "in under 1 h" : "in " + left.toHours() + " h";
        }
        long overdue = left.negated().toHours();
        return overdue == 0 ? "overdue by under 1 h" : "overdue by " + overdue + " h";
    }
}
