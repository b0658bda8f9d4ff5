package org.breachtriage.core.model;

import java.util.Locale;
import java.util.Optional;

/** A category of personal data a manifest row says was exposed. Manifest spelling is the lower-case name. */
public enum DataCategory {
    NAME, RANK, PHOTO, VETTING_LEVEL, PAY_NUMBER, UNIT, WARRANT_NUMBER,
    DATE_OF_BIRTH, HOME_ADDRESS, PHONE, EMAIL, FINANCIAL;

    /** The spelling used in manifests and messages, e.g. {@code vetting_level}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a manifest spelling, case-insensitive, surrounding blanks ignored. */
    public static Optional<DataCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (DataCategory c : values()) {
            if (c.name().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
