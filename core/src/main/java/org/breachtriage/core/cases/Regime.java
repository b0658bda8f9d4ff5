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
