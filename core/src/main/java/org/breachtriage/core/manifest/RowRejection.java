package org.breachtriage.core.manifest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A row that was not accepted, and why. {@code field} names the column at fault ("pay_number",
 * "exposed_fields", or "row" for a malformed row); {@code value} is a short excerpt of what was there.
 */
public record RowRejection(long rowNumber, String field, String value, String reason) {

    /** Longest value excerpt kept: enough to find the row, not a copy of the data. */
    public static final int MAX_VALUE_CHARS = 40;

    public String describe() {
        return "row " + rowNumber + ": " + field + ": " + reason;
    }

    /**
     * A value that failed a closed vocabulary (a category, a staff type), for a reason: quoted when it
     * looks like a misspelt token (such as {@code shoe_size}), else described without being quoted.
     * Columns shift in a bad export, and the cell under {@code staff_type} is then a surname or a pay
     * number; a reason goes to the terminal and is kept with the rejects, so it must not copy one.
     */
    public static Optional<String> quotedToken(String value) {
        String trimmed = value == null ? "" : value.trim();
        return TOKEN.matcher(trimmed).matches() ? Optional.of("'" + trimmed + "'") : Optional.empty();
    }

    /** Said instead of a value {@link #quotedToken} will not quote. */
    public static final String NOT_QUOTED = "(not quoted: it does not look like a misspelt token)";

    /**
     * Shaped like a vocabulary's own spellings: at most 32 letters, digits, '_', '-' or spaces, all
     * lower case or all upper case (the vocabularies are written so: {@code home_address}, {@code OFFICER}),
     * and no run of three digits. A name or a rank is written "Quillfeather", "Wing Commander"; a pay
     * number has a run of digits: neither is quoted.
     */
    private static final Pattern TOKEN = Pattern.compile("(?!.*[0-9]{3})([a-z0-9_ -]{1,32}|[A-Z0-9_ -]{1,32})");

    /** The first {@value #MAX_VALUE_CHARS} characters of a value; "" for null. */
    public static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
    }
}
