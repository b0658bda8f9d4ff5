package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.MALICIOUS_UNKNOWN;
import static org.breachtriage.core.scoring.ScoringFixtures.QUIET;
import static org.breachtriage.core.scoring.ScoringFixtures.exposed;
import static org.breachtriage.core.scoring.ScoringFixtures.officer;
import static org.breachtriage.core.scoring.ScoringFixtures.policeStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each category of manifest contract version 2 starts DPC where docs/scoring.md ("Categories") says,
 * with a reason naming its ENISA type; {@code financial} (version 1's spelling) scores exactly as it
 * always did.
 */
class CategoryBaseScoresTest {
    private static final SeverityScorer SCORER = new SeverityScorer(ScoringPolicy.loadDefault());

    static Stream<Arguments> bases() {
        return Stream.of(
                Arguments.of("health", "Sensitive data", 4, ""),
                Arguments.of("special_category", "Sensitive data", 4, ""),
                Arguments.of("criminal_offence", "Sensitive data", 4, ""),
                Arguments.of("credentials", "Sensitive data", 4, ""),
                Arguments.of("credentials_hashed", "Sensitive data", 2, ", for credentials hashed and salted, far less"
                        + " usable than clear ones: two levels below what they open"),
                Arguments.of("national_id", "Simple data", 2, ", for a national identifier, which identity fraud needs:"
                        + " one level above other simple data"),
                Arguments.of("location", "Behavioural data", 2, ""),
                Arguments.of("financial_basic", "Financial data", 3, ""),
                Arguments.of("financial_full", "Financial data", 4, ", for full card or account details that enable"
                        + " transactions (ENISA scores them 4)"));
    }

    @ParameterizedTest(name = "{0}: {1}, DPC {2}")
    @MethodSource("bases")
    void eachNewCategoryStartsFromItsBaseWithAReasonNamingItsType(String category, String type, int base, String why) {
        Assessment a = SCORER.assess(new ScoringInput(exposed(category), policeStaff(NameRarity.COMMON), null, null, QUIET));
        assertEquals(base, a.dpc());
        String words = switch (category) {
            case "credentials_hashed" -> "hashed credentials";
            case "national_id" -> "national identifier";
            case "financial_basic" -> "financial";
            case "financial_full" -> "full financial";
            default -> category.replace('_', ' ');
        };
        assertEquals(type + " is the most serious type exposed (" + words + "): DPC starts at " + base + why,
                a.reasons().getFirst());
    }

    @Test
    void theHighestStartingCategoryDecidesAndContextStillRaisesIt() {
        Assessment a = SCORER.assess(new ScoringInput(exposed("name;location;health"), officer(NameRarity.COMMON), null,
                null, MALICIOUS_UNKNOWN));
        assertEquals(4, a.dpc());
        assertTrue(a.reasons().getFirst().startsWith("Sensitive data is the most serious type exposed (name, health,"
                + " location)"), a.reasons().getFirst());
        Assessment location = SCORER.assess(new ScoringInput(exposed("name;rank;location"), officer(NameRarity.COMMON),
                null, null, MALICIOUS_UNKNOWN));
        assertEquals(2.5, location.dpc(), "behavioural 2, then the officer's half step");
        assertEquals(2.25, location.score(), "2.5 x EI 0.5 (common name) + CB 1.0");
        assertEquals(Band.MEDIUM, location.band());
    }

    @Test
    void hashedCredentialsScoreFarBelowClearOnes() {
        StaffMember member = policeStaff(NameRarity.COMMON);
        Assessment clear = SCORER.assess(new ScoringInput(exposed("email;credentials"), member, null, null, MALICIOUS_UNKNOWN));
        Assessment hashed = SCORER.assess(new ScoringInput(exposed("email;credentials_hashed"), member, null, null,
                MALICIOUS_UNKNOWN));
        assertEquals(4, clear.dpc());
        assertEquals(2, hashed.dpc());
        assertTrue(hashed.score() < clear.score());
    }

    @Test
    void versionOnesFinancialGivesTheSameAssessmentAsBefore() {
        // The figures and reasons a version-1 manifest gave before version 2: financial data starts at 3.
        Assessment old = SCORER.assess(new ScoringInput(exposed("financial;pay_number"), policeStaff(NameRarity.COMMON),
                null, null, QUIET));
        assertEquals(3, old.dpc());
        assertEquals(0.25, old.ei());
        assertEquals(0.75, old.score());
        assertEquals(Band.LOW, old.band());
        assertEquals("Financial data is the most serious type exposed (pay number, financial): DPC starts at 3",
                old.reasons().getFirst());
        Assessment basic = SCORER.assess(new ScoringInput(exposed("financial_basic;pay_number"),
                policeStaff(NameRarity.COMMON), null, null, QUIET));
        assertEquals(old, basic, "financial and financial_basic are one category");
    }

    @Test
    void everyCategoryHasATypeAndABaseOnTheScale() {
        for (DataCategory c : DataCategory.values()) {
            int base = EnisaDataType.baseDpc(c);
            assertTrue(base >= 1 && base <= SeverityScorer.DPC_MAX, c + " base " + base);
            assertFalse(EnisaDataType.of(c) == null);
        }
        assertEquals(EnumSet.of(DataCategory.FINANCIAL_FULL, DataCategory.NATIONAL_ID, DataCategory.CREDENTIALS_HASHED),
                EnumSet.copyOf(Stream.of(DataCategory.values())
                        .filter(c -> EnisaDataType.baseDpc(c) != EnisaDataType.of(c).baseScore()).toList()),
                "only these start away from their type's base, each with a reason");
    }

    @Test
    void manyDifferentMasksAllGetTheirOwnSentenceFromTheBoundedCache() {
        // More distinct masks than the cache has slots: each must still get its own, correct sentence.
        DataCategory[] all = DataCategory.values();
        for (int mask = 1; mask < 5000; mask++) {
            EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(all[i]);
                }
            }
            Assessment first = SCORER.assess(new ScoringInput(set, null, null, null, QUIET));
            Assessment again = SCORER.assess(new ScoringInput(set, null, null, null, QUIET));
            assertEquals(first.reasons().getFirst(), again.reasons().getFirst());
            for (DataCategory c : set) {
                String word = switch (c) {
                    case FINANCIAL -> "financial";
                    case FINANCIAL_FULL -> "full financial";
                    case CREDENTIALS_HASHED -> "hashed credentials";
                    case NATIONAL_ID -> "national identifier";
                    default -> c.wireName().replace('_', ' ');
                };
                assertTrue(first.reasons().getFirst().contains(word), mask + ": " + first.reasons().getFirst());
            }
        }
    }
}
