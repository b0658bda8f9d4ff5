package org.breachtriage.core.cases;

import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;

/**
 * Names of the counters kept on a case. Counters are a flat name → number map so that every store
 * can add to them atomically (DynamoDB {@code ADD}, an MVStore map merge).
 */
public final class Counters {
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_ACCEPTED = "rows.accepted";
    public static final String ROWS_REJECTED = "rows.rejected";
    public static final String PERSONS_TOTAL = "persons.total";
    public static final String PERSONS_MATCHED = "persons.matched";
    public static final String PERSONS_UNMATCHED = "persons.unmatched";
    public static final String NOTICES_PUBLISHED = "notices.published";
    public static final String BATCHES_DONE = "batches.done";

    private Counters() {
    }

    public static String band(Band band) {
        return "band." + band.name();
    }

    /** People with this category exposed: the ICO draft's categories and approximate numbers. */
    public static String category(DataCategory category) {
        return "category." + category.name();
    }

    /** Federation aggregates: staff type × band; unmatched people count under "UNKNOWN". */
    public static String staffTypeBand(StaffType type, Band band) {
        return "staffType." + (type == null ? "UNKNOWN" : type.name()) + "." + band.name();
    }
}
