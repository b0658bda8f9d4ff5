package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.FORENAME;
import static org.breachtriage.core.scoring.ScoringFixtures.MALICIOUS_UNKNOWN;
import static org.breachtriage.core.scoring.ScoringFixtures.QUIET;
import static org.breachtriage.core.scoring.ScoringFixtures.SURNAME;
import static org.breachtriage.core.scoring.ScoringFixtures.exposed;
import static org.breachtriage.core.scoring.ScoringFixtures.incident;
import static org.breachtriage.core.scoring.ScoringFixtures.officer;
import static org.breachtriage.core.scoring.ScoringFixtures.policeStaff;
import static org.breachtriage.core.scoring.ScoringFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The distinctive-name step (issue 7, part 1; docs/scoring.md, "Why distinctive names are a half step
 * of DPC"): a RARE or UNIQUE name, leaked with a rank, photo, warrant number or unit, raises DPC half a
 * step, and nothing else does. Expected figures are worked out by hand from the method, never read
 * back from the scorer.
 */
class SeverityScorerDistinctiveNameTest {
    private static final String FINDABLE_AS_POLICE = " it to the police: a police employee with a distinctive name is"
            + " easier to find online and easier to trace to a home and family (ENISA: special characteristics of the"
            + " individual; rarity counts how many staff share the name, never ethnicity): DPC +";
    private static final String ID_CARD = "name;rank;photo;vetting_level;pay_number";

    private final SeverityScorer scorer = new SeverityScorer(ScoringPolicy.loadDefault());

    private Assessment assess(String categories, StaffMember staff) {
        return scorer.assess(new ScoringInput(exposed(categories), staff, null, null, MALICIOUS_UNKNOWN));
    }

    /** The Met ID-card row (malicious, unknown recipients: CB 1.0), with a photo and without one, by rarity. */
    @ParameterizedTest(name = "{0} {1}: DPC {2} x EI {3} = {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            name;rank;photo;vetting_level;pay_number | COMMON   | 1.5 | 1.0  | 2.5   | MEDIUM
            name;rank;photo;vetting_level;pay_number | UNCOMMON | 1.5 | 1.0  | 2.5   | MEDIUM
            name;rank;photo;vetting_level;pay_number | RARE     | 2   | 1.0  | 3.0   | HIGH
            name;rank;photo;vetting_level;pay_number | UNIQUE   | 2   | 1.0  | 3.0   | HIGH
            name;rank;pay_number                     | COMMON   | 1.5 | 0.5  | 1.75  | LOW
            name;rank;pay_number                     | UNCOMMON | 1.5 | 0.75 | 2.125 | MEDIUM
            name;rank;pay_number                     | RARE     | 2   | 1.0  | 3.0   | HIGH
            name;rank;pay_number                     | UNIQUE   | 2   | 1.0  | 3.0   | HIGH
            """)
    void aConstableInTheMetIdCardRowIsScoredByTheirNamesRarity(String categories, NameRarity rarity, double dpc,
                                                              double ei, double score, Band band) {
        Assessment a = assess(categories, officer(rarity));

        assertEquals(dpc, a.dpc(), a.reasons().toString());
        assertEquals(ei, a.ei(), a.reasons().toString());
        assertEquals(score, a.score());
        assertEquals(band, a.band());
    }

    /** The distinctive-name rows of docs/scoring.md's worked examples, as the table writes them. */
    @ParameterizedTest(name = "{0}, {1}: {2} x {3} = {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            constable covert | name;rank;photo;vetting_level;pay_number      | 4   | 1.0 | 5.0  | VERY_HIGH
            constable        | name;rank;photo;vetting_level;pay_number      | 2   | 1.0 | 3.0  | HIGH
            constable        | name;rank                                     | 2   | 1.0 | 3.0  | HIGH
            constable        | name;rank;photo;home_address                  | 3   | 1.0 | 4.0  | VERY_HIGH
            staff            | name;rank;photo;vetting_level;pay_number      | 1.5 | 1.0 | 2.5  | MEDIUM
            staff            | name;email                                    | 1   | 1.0 | 2.0  | MEDIUM
            """)
    void theWorkedExamplesOfDistinctiveNames(String who, String categories, double dpc, double ei, double score,
                                             Band band) {
        StaffMember person = switch (who) {
            case "constable covert" -> staff(StaffType.OFFICER, NameRarity.UNIQUE, VettingLevel.RV, RoleFlag.COVERT);
            case "constable" -> staff(StaffType.OFFICER, NameRarity.RARE, VettingLevel.RV);
            default -> policeStaff(NameRarity.RARE);
        };
        Assessment a = assess(categories, person);

        assertEquals(List.of(dpc, ei, score, band), List.of(a.dpc(), a.ei(), a.score(), a.band()), a.reasons().toString());
    }

    /** With the photo and without it, a rare or unique name puts a Constable at least one band above a common one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ID_CARD, "name;rank;pay_number", "name;rank", "name;rank;unit", "name;rank;warrant_number"})
    void aRareOrUniqueNameLiftsAnOfficerAtLeastOneBandAboveACommonOne(String categories) {
        Band common = assess(categories, officer(NameRarity.COMMON)).band();
        for (NameRarity distinctive : List.of(NameRarity.RARE, NameRarity.UNIQUE)) {
            Band band = assess(categories, officer(distinctive)).band();
            assertTrue(band.ordinal() >= common.ordinal() + 1, distinctive + " " + band + " against common " + common);
        }
    }

    /** Uncommon names are many candidates, not one findable person: EI already counts them, DPC does not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ID_CARD, "name;rank", "name;photo", "name;warrant_number;unit"})
    void anUncommonNameGetsNoStep(String categories) {
        Assessment uncommon = assess(categories, officer(NameRarity.UNCOMMON));
        Assessment common = assess(categories, officer(NameRarity.COMMON));

        assertEquals(common.dpc(), uncommon.dpc());
        assertTrue(uncommon.reasons().stream().noneMatch(r -> r.contains(FINDABLE_AS_POLICE)), uncommon.reasons().toString());
    }

    /** Each tie to the police on its own is enough, and the reason names the ones that leaked, in a fixed order. */
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            name;rank                             |          | Rare name exposed with rank, which ties                           | 2
            name;photo                            |          | Rare name exposed with photo, which ties                          | 1.5
            name;warrant_number                   |          | Rare name exposed with warrant number, which ties                 | 1.5
            name;unit                             |          | Rare name exposed with unit, which ties                           | 1.5
            name                                  | Sergeant | Rare name exposed with rank, which ties                           | 2
            name;unit;warrant_number;photo;rank   |          | Rare name exposed with rank, photo, warrant number and unit, which tie | 2
            name;photo;unit                       |          | Rare name exposed with photo and unit, which tie                  | 1.5
            """)
    void eachTieToThePoliceIsEnoughAndTheReasonNamesIt(String categories, String echoedRank, String opening, double dpc) {
        Assessment a = scorer.assess(new ScoringInput(exposed(categories), officer(NameRarity.RARE), echoedRank, null,
                MALICIOUS_UNKNOWN));

        assertEquals(dpc, a.dpc(), a.reasons().toString());
        String to = dpc == 2 ? "0.5 to 2" : "0.5 to 1.5";
        assertTrue(a.reasons().contains(opening + FINDABLE_AS_POLICE + to), a.reasons().toString());
    }

    /** A rare name with nothing that says police: the civilian DPC, exactly as ENISA gives it. */
    @ParameterizedTest(name = "{0}: DPC {1}")
    @CsvSource({
            "name,                 1",
            "name;email,           1",
            "name;phone,           1",
            "name;vetting_level,   1",
            "name;pay_number,      1",
            "name;date_of_birth,   2",
            "name;home_address,    2",
            "rank;photo;pay_number, 1.5",
    })
    void aRareNameWithNothingThatTiesItToThePoliceGetsNoStep(String categories, double dpc) {
        Assessment a = assess(categories, officer(NameRarity.RARE));

        assertEquals(dpc, a.dpc(), a.reasons().toString());
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains(FINDABLE_AS_POLICE)), a.reasons().toString());
    }

    /** Rarity is only known for people in the staff table whose rarity was worked out at import. */
    @Test
    void peopleWithoutARecordedRarityGetNoStep() {
        Assessment notInTable = scorer.assess(new ScoringInput(exposed(ID_CARD), null, "Constable", null, MALICIOUS_UNKNOWN));
        Assessment unrated = assess(ID_CARD, officer(null));

        for (Assessment a : List.of(notInTable, unrated)) {
            assertEquals(1.5, a.dpc(), "the officer half step only: " + a.reasons());
            assertEquals(2.5, a.score());
            assertTrue(a.reasons().stream().noneMatch(r -> r.contains(FINDABLE_AS_POLICE)), a.reasons().toString());
        }
    }

    /** Police staff get the step too (the risk is being found as a police employee); alone it leaves them MEDIUM. */
    @Test
    void rareNamedPoliceStaffGetTheStepButStayMedium() {
        Assessment rare = assess(ID_CARD, policeStaff(NameRarity.RARE));
        Assessment common = assess(ID_CARD, policeStaff(NameRarity.COMMON));

        assertEquals(List.of(1.5, 2.5, Band.MEDIUM), List.of(rare.dpc(), rare.score(), rare.band()));
        assertEquals(List.of(1.0, 2.0, Band.MEDIUM), List.of(common.dpc(), common.score(), common.band()));
        assertTrue(rare.reasons().contains("Rare name exposed with rank and photo, which tie" + FINDABLE_AS_POLICE
                + "0.5 to 1.5"), rare.reasons().toString());
    }

    @Test
    void aUniqueNamedCovertOfficerStaysVeryHigh() {
        Assessment a = assess(ID_CARD, staff(StaffType.OFFICER, NameRarity.UNIQUE, VettingLevel.SC, RoleFlag.COVERT));

        assertEquals(List.of(4.0, 1.0, 5.0, Band.VERY_HIGH), List.of(a.dpc(), a.ei(), a.score(), a.band()));
        assertEquals(List.of(
                "Simple data is the most serious type exposed (name, rank, photo, vetting level, pay number): DPC starts at 1",
                "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 1.5",
                "Unique name exposed with rank and photo, which tie" + FINDABLE_AS_POLICE + "0.5 to 2",
                "Vetting level SC exposed, which reveals a sensitive post: DPC raised to 3",
                "Covert role with name and photo exposed: DPC set to 4 (ENISA: list of undercover officers)",
                "Unique name exposed: it identifies the person outright (EI 1.0)",
                "Unknown recipients, so the data may be in anyone's hands: CB +0.5",
                "Malicious breach (a deliberate attack or theft): CB +0.5",
                "Severity = DPC 4 x EI 1.0 + CB 1.0 = 5.0: band VERY_HIGH"), a.reasons());
    }

    /** The rare-named Constable of the worked examples, in a quieter breach: still a band above the common-named one. */
    @Test
    void theLiftHoldsInABreachWithKnownRecipientsAndNoMalice() {
        IncidentMetadata known = incident(false, Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE);
        Assessment rare = scorer.assess(new ScoringInput(exposed(ID_CARD), officer(NameRarity.RARE), null, null, known));
        Assessment common = scorer.assess(new ScoringInput(exposed(ID_CARD), officer(NameRarity.COMMON), null, null, known));

        assertEquals(List.of(2.25, Band.MEDIUM), List.of(rare.score(), rare.band()), "2 x 1.0 + 0.25");
        assertEquals(List.of(1.75, Band.LOW), List.of(common.score(), common.band()), "1.5 x 1.0 + 0.25");
    }

    /**
     * Over every combination of exposed categories, for each kind of staff: a RARE or UNIQUE name changes
     * DPC from the COMMON name's by the half step (less only at the cap of 4) exactly when the name and
     * a tie to the police leaked, and not at all otherwise; an UNCOMMON name never changes it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(StaffType.class)
    void rarityMovesDpcOnlyWhereTheNameIsTiedToThePolice(StaffType type) {
        DataCategory[] all = DataCategory.values();
        Set<DataCategory> ties = EnumSet.of(DataCategory.RANK, DataCategory.PHOTO, DataCategory.WARRANT_NUMBER,
                DataCategory.UNIT);
        for (int mask = 0; mask < 1 << all.length; mask++) {
            EnumSet<DataCategory> leaked = EnumSet.noneOf(DataCategory.class);
            for (DataCategory c : all) {
                if ((mask & 1 << c.ordinal()) != 0) {
                    leaked.add(c);
                }
            }
            boolean tied = leaked.contains(DataCategory.NAME) && leaked.stream().anyMatch(ties::contains);
            double common = dpc(leaked, type, NameRarity.COMMON);
            assertEquals(common, dpc(leaked, type, NameRarity.UNCOMMON), leaked + " uncommon");
            for (NameRarity distinctive : List.of(NameRarity.RARE, NameRarity.UNIQUE)) {
                double expected = tied ? Math.min(4, common + 0.5) : common;
                // A floor (SC vetting, a sensitive role) may sit above both; the fixture has neither.
                assertEquals(expected, dpc(leaked, type, distinctive), leaked + " " + distinctive);
            }
        }
    }

    private double dpc(Set<DataCategory> leaked, StaffType type, NameRarity rarity) {
        return scorer.assess(new ScoringInput(leaked, staff(type, rarity, VettingLevel.RV), null, null, QUIET)).dpc();
    }

    /** The reason is fixed wording: it says it comes from frequency, never ethnicity, and never carries the name. */
    @Test
    void theReasonSaysWhyInPlainWordsAndCarriesNoPersonalData() {
        Assessment a = assess(ID_CARD, officer(NameRarity.UNIQUE));
        String reason = a.reasons().stream().filter(r -> r.contains("distinctive name")).findFirst().orElseThrow();

        assertTrue(reason.contains("easier to find online"), reason);
        assertTrue(reason.contains("easier to trace to a home and family"), reason);
        assertTrue(reason.contains("how many staff share the name, never ethnicity"), reason);
        String lower = reason.toLowerCase(Locale.ROOT);
        for (String personal : new String[] {FORENAME, SURNAME, "Inspector", "Specialist Operations"}) {
            assertFalse(lower.contains(personal.toLowerCase(Locale.ROOT)), "carries '" + personal + "': " + reason);
        }
    }
}
