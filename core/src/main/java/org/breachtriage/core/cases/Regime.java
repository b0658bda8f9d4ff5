package org.breachtriage.core.cases;

import java.util.Locale;

/**
 * Workforce data falls under UK GDPR. Data about victims, witnesses or suspects, held for law
 * enforcement purposes, falls under DPA 2018 Part 3: the regulator is told under s.67 and the person
 * under s.68, which s.68(7) lets a controller restrict.
 */
public enum Regime {
    UK_GDPR, DPA_2018_PART_3;

    /** The spellings the incident field {@code regime} takes: {@code UK_GDPR}, {@code DPA2018_PART3} or {@code DPA_2018_PART_3}. */
    public static final String ALLOWED = "UK_GDPR, DPA2018_PART3 (or DPA_2018_PART_3)";

    /** The duty to tell the regulator within 72 hours: "UK GDPR Art. 33(1)" or "DPA 2018 s.67(1)". */
    public String dutyToNotify() {
        return this == DPA_2018_PART_3 ? "DPA 2018 s.67(1)" : "UK GDPR Art. 33(1)";
    }

    /** The duty to document every breach, notified or not: "UK GDPR Art. 33(5)" or "DPA 2018 s.67(6)". */
    public String dutyToRecord() {
        return this == DPA_2018_PART_3 ? "DPA 2018 s.67(6)" : "UK GDPR Art. 33(5)";
    }

    /**
     * The ICO form's question on the most sensitive data: UK GDPR's special category data (Art. 9), or,
     * under Part 3, sensitive processing (DPA 2018 s.35(8)), which covers the same kinds of data.
     */
    public String specialCategoryQuestion() {
        return this == DPA_2018_PART_3 ? "Sensitive processing (DPA 2018 s.35(8)) involved"
                : "Special category data (UK GDPR Art. 9) involved";
    }

    /**
     * The ICO form's question on criminal offence data. Under Part 3 such data is what law enforcement
     * processing is for, so it is asked without UK GDPR's Art. 10.
     */
    public String criminalOffenceQuestion() {
        return this == DPA_2018_PART_3 ? "Criminal offence data (processed for law enforcement purposes) involved"
                : "Criminal offence data (UK GDPR Art. 10) involved";
    }

    /** The regime {@code text} names (case, spaces, '-' and '_' ignored), or null when it names none. */
    public static Regime parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return switch (key) {
            case "UKGDPR" -> UK_GDPR;
            case "DPA2018PART3" -> DPA_2018_PART_3;
            default -> null;
        };
    }
}
