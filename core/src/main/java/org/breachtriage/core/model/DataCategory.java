package org.breachtriage.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A category of personal data a manifest row says was exposed. Manifest spelling is {@link #wireName}
 * (the lower-case name), or one of the category's {@link #aliases}.
 *
 * <p>Each category carries the manifest contract version that added it: version 1 had the twelve
 * workforce categories an ID-card supplier holds; version 2 added the categories ENISA and the EDPB
 * cases need (special-category, criminal-offence, national identifiers, credentials, location, and
 * the two levels of financial data). New categories go at the END: stored people keep their exposed
 * categories as a bit mask by ordinal, and the embedded store checks the constants' order.
 *
 * <p>{@link #FINANCIAL} keeps its constant name (stored counters and the store's enum check name it)
 * but is spelt {@code financial_basic} since version 2; {@code financial}, version 1's spelling, is
 * its alias, so a version-1 manifest scores exactly as before.
 */
public enum DataCategory {
    NAME(1), RANK(1), PHOTO(1), VETTING_LEVEL(1), PAY_NUMBER(1), UNIT(1), WARRANT_NUMBER(1),
    DATE_OF_BIRTH(1), HOME_ADDRESS(1), PHONE(1), EMAIL(1),
    /** Basic financial data: a pay slip, salary, bank account for pay, partial card details. */
    FINANCIAL(1, "financial_basic", "financial"),
    /** Data concerning health (UK GDPR Art. 9). */
    HEALTH(2),
    /** Any other special category of Art. 9: racial or ethnic origin, religion, sex life, biometrics… */
    SPECIAL_CATEGORY(2),
    /** Criminal convictions and offences, or related security measures (UK GDPR Art. 10). */
    CRIMINAL_OFFENCE(2),
    /** A national identifier: National Insurance number, passport or driving licence number. */
    NATIONAL_ID(2),
    /** Credentials in the clear (user name and password, tokens): they open the systems they belong to. */
    CREDENTIALS(2),
    /** Credentials stored hashed and salted with a current algorithm. */
    CREDENTIALS_HASHED(2),
    /** Location or other behavioural traces (where someone was, their movements or habits). */
    LOCATION(2),
    /** Full card or account details that enable transactions. */
    FINANCIAL_FULL(2);

    /** The manifest contract version at which manifests are written now. */
    public static final int CONTRACT_VERSION = 2;

    private final int sinceContractVersion;
    private final String wireName;
    private final List<String> aliases;

    DataCategory(int sinceContractVersion) {
        this.sinceContractVersion = sinceContractVersion;
        this.wireName = name().toLowerCase(Locale.ROOT);
        this.aliases = List.of();
    }

    DataCategory(int sinceContractVersion, String wireName, String... aliases) {
        this.sinceContractVersion = sinceContractVersion;
        this.wireName = wireName;
        this.aliases = List.of(aliases);
    }

    /** The spelling used in manifests and messages, e.g. {@code vetting_level}. */
    public String wireName() {
        return wireName;
    }

    /** Older spellings still accepted, e.g. {@code financial} for {@code financial_basic}. */
    public List<String> aliases() {
        return aliases;
    }

    /** The manifest contract version that added this category. */
    public int sinceContractVersion() {
        return sinceContractVersion;
    }

    /** The categories a manifest of that contract version could name. */
    public static java.util.EnumSet<DataCategory> ofContractVersion(int version) {
        java.util.EnumSet<DataCategory> set = java.util.EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : values()) {
            if (c.sinceContractVersion <= version) {
                set.add(c);
            }
        }
        return set;
    }

    /** Parses a manifest spelling or alias, case-insensitive, surrounding blanks ignored. */
    public static Optional<DataCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (DataCategory c : values()) {
            if (c.wireName.equals(key) || c.aliases.contains(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
