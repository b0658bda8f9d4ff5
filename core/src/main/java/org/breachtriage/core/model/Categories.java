package org.breachtriage.core.model;

import java.util.Collection;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Sets of {@link DataCategory} as a bit mask, one bit per category's ordinal. Results for a million people
 * are stored and compared often; an int is cheaper than a set object in every store.
 */
public final class Categories {
    private Categories() {
    }

    public static int mask(Collection<DataCategory> categories) {
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

    /** The manifest spelling: {@code name;rank;photo}. */
    public static String format(Set<DataCategory> categories) {
        StringJoiner joiner = new StringJoiner(";");
        for (DataCategory c : categories) {
            joiner.add(c.wireName());
        }
        return joiner.toString();
    }
}
