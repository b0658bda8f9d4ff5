package org.breachtriage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The immutable category sets records hold ({@link Categories#immutable}) behave as any other Set would. */
class CategorySetTest {
    private static final DataCategory[] ALL = DataCategory.values();

    @Test
    void equalsHashesAndIteratesLikeAnEnumSetOfTheSameCategories() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            EnumSet<DataCategory> expected = EnumSet.noneOf(DataCategory.class);
            for (DataCategory c : ALL) {
                if (random.nextInt(3) == 0) {
                    expected.add(c);
                }
            }
            Set<DataCategory> held = Categories.immutable(new HashSet<>(expected));
            assertEquals(expected, held);
            assertEquals(held, expected);
            assertEquals(expected.hashCode(), held.hashCode());
            assertEquals(new HashSet<>(expected), held);
            assertEquals(expected.size(), held.size());
            assertEquals(new ArrayList<>(expected), new ArrayList<>(held), "declaration order, as an EnumSet");
            assertEquals(Categories.mask(expected), Categories.mask(held));
            assertEquals(held, Categories.ofMask(Categories.mask(held)));
            for (DataCategory c : ALL) {
                assertEquals(expected.contains(c), held.contains(c), c.name());
            }
        }
    }

    @Test
    void isImmutableAndAnswersForeignObjects() {
        Set<DataCategory> held = Categories.immutable(List.of(DataCategory.NAME, DataCategory.HEALTH));
        assertThrows(UnsupportedOperationException.class, () -> held.add(DataCategory.PHOTO));
        assertThrows(UnsupportedOperationException.class, () -> held.remove(DataCategory.NAME));
        assertThrows(UnsupportedOperationException.class, held::clear);
        assertThrows(UnsupportedOperationException.class, () -> held.iterator().remove());
        assertFalse(held.contains("NAME"));
        assertFalse(held.contains(null));
        assertTrue(held.contains(DataCategory.HEALTH));
    }

    @Test
    void copiesOnlyWhatIsNotAlreadyOne() {
        Set<DataCategory> held = Categories.immutable(EnumSet.of(DataCategory.RANK));
        assertSame(held, Categories.immutable(held));
        assertTrue(Categories.ofMask(0).isEmpty());
        assertFalse(Categories.ofMask(0).iterator().hasNext());
    }

    @Test
    void refusesNullsAndMasksOfCategoriesThisVersionLacks() {
        assertThrows(NullPointerException.class, () -> Categories.immutable(Arrays.asList(DataCategory.NAME, null)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Categories.ofMask(1 << ALL.length));
        assertTrue(unknown.getMessage().contains("names a category this version does not have"), unknown.getMessage());
    }
}
