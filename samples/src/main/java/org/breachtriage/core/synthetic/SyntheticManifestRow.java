package org.breachtriage.core.synthetic;

/**
 * One generated manifest row, before it is written. {@code payNumber} and {@code exposedFields} are
 * the text as written (an empty {@code exposedFields} means "incident default"); the echo fields are
 * null when the row leaves them empty. {@code personIndex} is the person the row is about: a roster
 * index, or an index past the roster for an unmatched row.
 */
public record SyntheticManifestRow(
        long rowNumber,
        Kind kind,
        int personIndex,
        String payNumber,
        String exposedFields,
        String surname,
        String forename,
        String rank,
        String vettingLevel) {

    /** Why the row is there; never written out, so tests and documentation can count them. */
    public enum Kind {
        /** A roster person's first (or, when rows exceed people, next round's) appearance. */
        MATCHED,
        /** A roster person already listed earlier, again, with different exposed fields. */
        DUPLICATE,
        /** A well-formed pay number on no roster. */
        UNMATCHED,
        BLANK_PAY_NUMBER,
        /** A pay number with a character outside [A-Za-z0-9-], e.g. {@code MP#12}. */
        MALFORMED_PAY_NUMBER,
        /** A pay number longer than 32 characters. */
        TOO_LONG_PAY_NUMBER,
        /** {@code exposed_fields} names a category that does not exist ({@code shoe_size}). */
        UNKNOWN_CATEGORY;

        /** True for rows a manifest reader must reject. */
        public boolean invalid() {
            return ordinal() >= BLANK_PAY_NUMBER.ordinal();
        }
    }
}
