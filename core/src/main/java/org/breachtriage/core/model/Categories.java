package org.breachtriage.core.model;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Sets of {@link DataCategory} as a bit mask. Results for a million people are stored and compared
 * often; a 12-bit mask is cheaper than a set object in every store.
 */
public final class Categories {
    /** {@code values()} copies the array on every call, and every person record read decodes a mask (3% of a run's allocation). */
    private static final DataCategory[] ALL = DataCategory.values();

    private Categories() {
    }

    public static int mask(Set<DataCategory> categories) {
        int mask = 0;
        for (DataCategory c : categories) {
            mask |= 1 << c.ordinal();
        }
        return mask;
    }

    public static EnumSet<DataCategory> fromMask(int mask) {
        EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : ALL) {
            if ((mask & (1 << c.ordinal())) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    /** The manifest spelling: {@code name;rank;photo}. */
    public static String format(Set<DataCategory> categories) {
        StringJoiner joiner = new StringJoiner(";");
        for (DataCategory c : categories) {
            joiner.add(c.wireName());
        }
        return joiner.toString();
    }
}
