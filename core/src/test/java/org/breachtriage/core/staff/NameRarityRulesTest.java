package org.breachtriage.core.staff;

import static org.breachtriage.core.model.NameRarity.COMMON;
import static org.breachtriage.core.model.NameRarity.RARE;
import static org.breachtriage.core.model.NameRarity.UNCOMMON;
import static org.breachtriage.core.model.NameRarity.UNIQUE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.breachtriage.core.model.NameRarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameRarityRulesTest {

    @ParameterizedTest(name = "full {0}, surname {1}, roster {2} -> {3}")
    @CsvSource({
            // UNIQUE: full name unshared and surname held by at most 2
            "1, 1, 47000, UNIQUE",
            "1, 2, 47000, UNIQUE",
            "2, 2, 47000, RARE",
            "1, 3, 47000, RARE",
            // RARE up to 5 holders
            "5, 5, 47000, RARE",
            "1, 6, 47000, UNCOMMON",
            // UNCOMMON: up to max(20, 0.05% of roster); 0.05% of 47,000 = 23.5 -> 23
            "1, 20, 1000, UNCOMMON",
            "1, 21, 1000, COMMON",
            "1, 23, 47000, UNCOMMON",
            "1, 24, 47000, COMMON",
            "1, 125, 250000, UNCOMMON",
            "1, 126, 250000, COMMON",
            // the floor of 20 holds in a tiny roster
            "1, 20, 30, UNCOMMON",
            "30, 30, 30, COMMON"})
    void classifiesAtEveryThreshold(int fullNameHolders, int surnameHolders, int rosterSize, NameRarity expected) {
        assertEquals(expected, NameRarityRules.classify(fullNameHolders, surnameHolders, rosterSize));
    }

    @Test
    void uncommonLimitUsesTheLargerOfFloorAndShare() {
        assertEquals(20, NameRarityRules.uncommonLimit(0));
        assertEquals(20, NameRarityRules.uncommonLimit(40_000));
        assertEquals(23, NameRarityRules.uncommonLimit(47_000));
        assertEquals(125, NameRarityRules.uncommonLimit(250_000));
        assertEquals(500, NameRarityRules.uncommonLimit(1_000_000));
    }

    @Test
    void namesAreComparedIgnoringCaseAndBlanks() {
        List<NameRarityRules.Name> names = List.of(
                new NameRarityRules.Name("Mary Jane", "Ó Súilleabháin"),
                new NameRarityRules.Name(" mary   jane ", "ó súilleabháin"),
                new NameRarityRules.Name("Kofi", "Mensah"),
                new NameRarityRules.Name("Ama", "MENSAH"),
                new NameRarityRules.Name("Ama", "Mensah-Bonsu"));
        assertArrayEquals(new NameRarity[] {RARE, RARE, UNIQUE, UNIQUE, UNIQUE}, NameRarityRules.classifyAll(names));
    }

    @Test
    void emptyRosterHasNoRarities() {
        assertEquals(0, NameRarityRules.classifyAll(List.of()).length);
    }

    @Test
    void constantsAreTheDocumentedOnes() {
        assertEquals(2, NameRarityRules.UNIQUE_MAX_SURNAME_HOLDERS);
        assertEquals(5, NameRarityRules.RARE_MAX_SURNAME_HOLDERS);
        assertEquals(20, NameRarityRules.UNCOMMON_MIN_SURNAME_HOLDERS);
        assertEquals(0.0005, NameRarityRules.UNCOMMON_MAX_SURNAME_SHARE);
        assertEquals(COMMON, NameRarityRules.classify(1, 1_000, 250_000));
        assertEquals(UNCOMMON, NameRarityRules.classify(1, 6, 10));
    }
}
