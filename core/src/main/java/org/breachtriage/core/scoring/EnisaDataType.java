package org.breachtriage.core.scoring;

import org.breachtriage.core.model.DataCategory;

/**
 * ENISA's four types of personal data, each with the base Data Processing Context score it starts
 * from (ENISA 2013, section 3.1). Context may then raise the score; see {@link SeverityScorer}.
 *
 * <p>A few categories start from a DPC other than their type's, because ENISA's own examples for
 * that type score them so ({@link #baseDpc}): full card details that enable transactions at 4 where
 * financial data starts at 3; hashed and salted credentials well below what clear ones open; a
 * national identifier one level above other simple data. docs/scoring.md, "Categories", gives the
 * reasons.
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
     * Credentials take the type of what they open (ENISA: credentials are scored as the data they
     * give access to): a police employee's log-in opens force systems that hold criminal-offence and
     * intelligence data, so they are sensitive. Criminal-offence data is sensitive (ENISA lists
     * criminal records among sensitive data), and so are health and the other special categories.
     */
    public static EnisaDataType of(DataCategory category) {
        return switch (category) {
            case NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, UNIT, WARRANT_NUMBER,
                 DATE_OF_BIRTH, HOME_ADDRESS, PHONE, EMAIL, NATIONAL_ID -> SIMPLE;
            case LOCATION -> BEHAVIOURAL;
            case FINANCIAL, FINANCIAL_FULL -> FINANCIAL;
            case HEALTH, SPECIAL_CATEGORY, CRIMINAL_OFFENCE, CREDENTIALS, CREDENTIALS_HASHED -> SENSITIVE;
        };
    }

    /**
     * The DPC a category starts from: its type's base, except where ENISA's own examples for the type
     * score that kind of data differently. No default: a new category must be decided here too.
     */
    public static int baseDpc(DataCategory category) {
        return switch (category) {
            // ENISA: full credit card details that enable transactions score 4; partial ones 2 or 3.
            case FINANCIAL_FULL -> 4;
            // Simple data, raised one level: with a name it is what identity fraud and official
            // impersonation need (ENISA raises simple data where the context makes misuse easy).
            case NATIONAL_ID -> 2;
            // Sensitive by what they open, lowered two levels: a salted hash with a current algorithm
            // cannot be used to log in; only a weak password cracked offline could (ENISA lowers a
            // type's score where the data reveals less than its type suggests).
            case CREDENTIALS_HASHED -> 2;
            case NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, UNIT, WARRANT_NUMBER, DATE_OF_BIRTH, HOME_ADDRESS,
                 PHONE, EMAIL, FINANCIAL, HEALTH, SPECIAL_CATEGORY, CRIMINAL_OFFENCE, CREDENTIALS, LOCATION ->
                    of(category).baseScore();
        };
    }

    /**
     * Why a category starts away from its type's base, as the reasons say it; null when it does not.
     * Fixed wording only (reasons never carry free text).
     */
    static String baseAdjustment(DataCategory category) {
        return switch (category) {
            case FINANCIAL_FULL -> "full card or account details that enable transactions (ENISA scores them 4)";
            case NATIONAL_ID -> "a national identifier, which identity fraud needs: one level above other simple data";
            case CREDENTIALS_HASHED -> "credentials hashed and salted, far less usable than clear ones: two levels"
                    + " below what they open";
            default -> null;
        };
    }
}
