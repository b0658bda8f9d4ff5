package org.breachtriage.core.report;

import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;

/**
 * What the regulator's draft says about whose data it was when people outside the workforce are in it
 * (victims, witnesses, suspects, others), and the Art. 33 reasoning in the words of DPA 2018 s.67 where
 * Part 3 applies. A workforce-only incident reads exactly as before.
 */
public final class PartThreeWording {
    private static final String WORKFORCE = "Members of the workforce of %s (police officers, police staff and others"
            + " such as special constables, PCSOs and contractors).";

    private PartThreeWording() {
    }

    /** "workforce data", "personal data of victims, witnesses and others" or both. */
    static String whoseData(ReportSubject subject) {
        long others = subject.counter(Counters.PERSONS_NON_STAFF);
        if (others == 0) {
            return "workforce data";
        }
        return others == subject.counter(Counters.PERSONS_TOTAL)
                ? "personal data of victims, witnesses, suspects or others (not the workforce)"
                : "workforce data and personal data of victims, witnesses, suspects or others";
    }

    /** The categories of people, for the draft's "people affected" section. */
    static String dataSubjects(ReportSubject subject, String force) {
        long others = subject.counter(Counters.PERSONS_NON_STAFF);
        String workforce = String.format(WORKFORCE, force);
        String outside = "People outside the workforce named in the data: victims, witnesses, suspects or others,"
                + " identified by the supplier's references, not by pay number.";
        if (others == 0) {
            return workforce;
        }
        return others == subject.counter(Counters.PERSONS_TOTAL) ? outside : workforce + " " + outside;
    }

    /**
     * The case's Art. 33 reasoning, made when the case opened (before its rows said whose data it is),
     * with its UK GDPR citation put in s.67's words where the incident is under DPA 2018 Part 3.
     */
    public static String reasoning(String reasoning, Regime regime) {
        if (reasoning == null || regime != Regime.DPA_2018_PART_3) {
            return reasoning;
        }
        return reasoning.replace("Police workforce personal data", "Personal data")
                .replace("UK GDPR Art. 33(1)", "DPA 2018 s.67(1)")
                .replace("Art. 33(5)", "DPA 2018 s.67(6)")
                .replace("Art. 33 notification", "s.67 notification");
    }
}
