package org.breachtriage.core.scoring;

import org.breachtriage.core.model.DataCategory;

/**
 * ENISA's four types of personal data, each with the base Data Processing Context score it starts
 * from (ENISA 2013, section 3.1). Context may then raise the score; see {@link SeverityScorer}.
 */
public enum EnisaDataType {
    SIMPLE(1, "Simple data"),
    BEHAVIOURAL(2, "Behavioural data"),
    FINANCIAL(3, "Financial data"),
    SENSITIVE(4, "Sensitive data");

    private final int baseScore;
    private final String label;

    EnisaDataType(int baseScore, String label) {
        this.baseScore = baseScore;
        this.label = label;
    }

    public int baseScore() {
        return baseScore;
    }

    /** Words for reasons, e.g. "Financial data". */
    public String label() {
        return label;
    }

    /**
     * The ENISA type of one manifest category. The switch has no default on purpose: adding a
     * {@link DataCategory} fails compilation here until someone decides how ENISA would class it.
     * Vetting level is simple data by type; that an MV/SC/DV level reveals a sensitive post is
     * context, applied by the scorer. Home address and date of birth are simple data too (ENISA
     * lists contact details and dates among simple data); their police-specific danger is context.
     * No current category is behavioural (location traces, habits) or sensitive (health, religion,
     * ethnicity, criminal record); the types stay so the scale matches the method.
     */
    public static EnisaDataType of(DataCategory category) {
        return switch (category) {
            case NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, UNIT, WARRANT_NUMBER,
                 DATE_OF_BIRTH, HOME_ADDRESS, PHONE, EMAIL -> SIMPLE;
            case FINANCIAL -> FINANCIAL;
        };
    }
}
