package org.breachtriage.core.manifest;

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

    /** The first {@value #MAX_VALUE_CHARS} characters of a value; "" for null. */
    public static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
    }
}
