package org.breachtriage.core.model;

import java.util.Collection;
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
        if (categories instanceof CategorySet set) {
            return set.mask;
        }
        int mask = 0;
        for (DataCategory c : categories) {
            mask |= 1 << c.ordinal();
        }
        return mask;
    }

    /**
     * An immutable copy, for records to hold: it iterates in declaration order, equals any set with the same
     * categories, and knows its mask ({@link CategorySet} says why this and not {@code Set.copyOf}).
     *
     * @throws NullPointerException if {@code categories} holds a null
     */
    public static Set<DataCategory> immutable(Collection<DataCategory> categories) {
        return CategorySet.of(categories);
    }

    /** The immutable set a mask stands for (see {@link #immutable}). */
    public static Set<DataCategory> ofMask(int mask) {
        return CategorySet.ofMask(mask);
    }

    /** A set to add to: use {@link #ofMask} for one to keep. */
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
