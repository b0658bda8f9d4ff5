package org.breachtriage.core.model;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of {@link DataCategory} held as its bit mask ({@link Categories#mask}), iterated in
 * declaration order. Why not {@code Set.copyOf}: every person record a run folds or decodes carries two or
 * more category sets, and {@code Set.copyOf} of an {@code EnumSet} builds a hash set, an array and a
 * hash-probing iterator each time; at a million rows that was about 8% of the run (the copies, and the
 * masks computed from them again for every write). This is one object with an int, its mask is free, and
 * it equals any other {@code Set} with the same elements.
 */
final class CategorySet extends AbstractSet<DataCategory> {
    private static final DataCategory[] ALL = DataCategory.values();
    static final CategorySet EMPTY = new CategorySet(0);

    final int mask;

    private CategorySet(int mask) {
        this.mask = mask;
    }

    static CategorySet ofMask(int mask) {
        if ((mask & ~((1 << ALL.length) - 1)) != 0) {
            throw new IllegalArgumentException("category mask " + Integer.toBinaryString(mask)
                    + " names a category this version does not have (it has " + ALL.length + ")");
        }
        return mask == 0 ? EMPTY : new CategorySet(mask);
    }

    static CategorySet of(Collection<DataCategory> categories) {
        if (categories instanceof CategorySet set) {
            return set;
        }
        return ofMask(Categories.mask(categories)); // a null element throws there, as Set.copyOf's would
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof DataCategory c && (mask & (1 << c.ordinal())) != 0;
    }

    @Override
    public int size() {
        return Integer.bitCount(mask);
    }

    @Override
    public boolean isEmpty() {
        return mask == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategorySet other ? other.mask == mask : super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // the Set contract's sum of element hashes, so it matches any equal Set
    }

    @Override
    public Iterator<DataCategory> iterator() {
        return new Iterator<>() {
            private int left = mask;

            @Override
            public boolean hasNext() {
                return left != 0;
            }

            @Override
            public DataCategory next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                int ordinal = Integer.numberOfTrailingZeros(left);
                left &= left - 1;
                return ALL[ordinal];
            }
        };
    }
}
