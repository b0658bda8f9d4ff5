package org.breachtriage.core.manifest;

/**
 * A row that was not accepted, and why. {@code field} names the column at fault ("pay_number",
 * "exposed_fields", or "row" for a malformed row); {@code value} is a short excerpt of what was there.
 */
public record RowRejection(long rowNumber, String field, String value, String reason) {

    public String describe() {
        return "row " + rowNumber + ": " + field + ": " + reason;
    }
}
