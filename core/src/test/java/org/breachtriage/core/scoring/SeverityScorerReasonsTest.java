package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.MALICIOUS_UNKNOWN;
import static org.breachtriage.core.scoring.ScoringFixtures.QUIET;
import static org.breachtriage.core.scoring.ScoringFixtures.exposed;
import static org.breachtriage.core.scoring.ScoringFixtures.officer;
import static org.breachtriage.core.scoring.ScoringFixtures.policeStaff;
import static org.breachtriage.core.scoring.ScoringFixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.api.Test;

/**
 * Whole reason lists, sentence by sentence, where the wording depends on where DPC stands when a step
 * or floor applies (a whole step that only half fits, a step with no room left, a floor already met),
 * on the data type, on what the incident left unsaid, and on the EI rules that do not raise EI.
 * Each expected list is written from docs/scoring.md for the input shown.
 */
class SeverityScorerReasonsTest {
    private static final String CB_UNKNOWN = "Unknown recipients, so the data may be in anyone's hands: CB +0.5";
    private static final String CB_MALICIOUS = "Malicious breach (a deliberate attack or theft): CB +0.5";
    private static final String OFFICER_STEP =
            "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 1.5";

    private final SeverityScorer scorer = new SeverityScorer(ScoringPolicy.loadDefault());

    private Assessment assess(String categories, StaffMember staff, String rank, String vetting, IncidentMetadata incident) {
        return scorer.assess(new ScoringInput(exposed(categories), staff, rank, vetting, incident));
    }

    @Test
    void aWholeStepThatOnlyHalfFitsSaysWhatItAdded() {
        StaffMember standards = officer(NameRarity.COMMON, RoleFlag.PROFESSIONAL_STANDARDS);
        Assessment a = assess("name;rank;date_of_birth;home_address", standards, null, null, MALICIOUS_UNKNOWN);
        assertEquals(List.of(
                "Simple data is the most serious type exposed (name, rank, date of birth, home address): DPC starts at 1",
                OFFICER_STEP,
                "Professional standards role with name and home address exposed: these officers investigate colleagues"
                        + " and criminals: DPC +1 to 2.5",
                "Home address exposed: it lets someone find a police employee at home: DPC +1 to 3.5",
                "Date of birth exposed with name: enough to impersonate the person (identity fraud): DPC +0.5 to the maximum 4",
                "Common name exposed: hard to pin on one person (EI 0.5)",
                "Name exposed with date of birth: together they single out one person (EI 1.0)",
                CB_UNKNOWN, CB_MALICIOUS,
                "Severity = DPC 4 x EI 1.0 + CB 1.0 = 5.0: band VERY_HIGH"), a.reasons());
    }

    @Test
    void financialDataStartsAtThreeAndAStepWithNoRoomLeftSaysSo() {
        Assessment a = assess("name;rank;date_of_birth;home_address;financial", officer(NameRarity.UNIQUE), null, null, QUIET);
        assertEquals(List.of(
                "Financial data is the most serious type exposed (name, rank, date of birth, home address, financial):"
                        + " DPC starts at 3",
                "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 3.5",
                "Unique name exposed with rank, which ties it to the police: a police employee with a distinctive name"
                        + " is easier to find online and easier to trace to a home and family (ENISA: special"
                        + " characteristics of the individual; rarity counts how many staff share the name, never"
                        + " ethnicity): DPC +0.5 to 4",
                "Home address exposed: it lets someone find a police employee at home: DPC already at the maximum 4",
                "Date of birth exposed with name: enough to impersonate the person (identity fraud): DPC already at the maximum 4",
                "Unique name exposed: it identifies the person outright (EI 1.0)",
                "No evidence the data reached anyone, was altered or was lost, and no malice: CB 0",
                "Severity = DPC 4 x EI 1.0 + CB 0.0 = 4.0: band VERY_HIGH"), a.reasons());
    }

    @Test
    void anScFloorAlreadyMetIsSaidAndAHalfDpcIsWrittenWithItsDecimal() {
        StaffMember sc = staff(StaffType.OFFICER, NameRarity.RARE, VettingLevel.SC);
        Assessment a = assess("rank;vetting_level;financial", sc, null, null, QUIET);
        assertEquals(List.of(
                "Financial data is the most serious type exposed (rank, vetting level, financial): DPC starts at 3",
                "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 3.5",
                "Vetting level SC exposed, which reveals a sensitive post: DPC already at least 3",
                "No name, photo, home address or contact details exposed, only internal or shared details such as a pay"
                        + " number: hard to link to a person (EI 0.25)",
                "No evidence the data reached anyone, was altered or was lost, and no malice: CB 0",
                "Severity = DPC 3.5 x EI 0.25 + CB 0.0 = 0.875: band LOW"), a.reasons());
        assertEquals(3.5, a.dpc());
    }

    @Test
    void anEchoThatIsNoVettingLevelIsSaidAndChangesNothing() {
        Assessment a = assess("name", null, "  ", "Top Secret Squirrel", MALICIOUS_UNKNOWN);
        assertEquals(List.of(
                "Simple data is the most serious type exposed (name): DPC starts at 1",
                "Vetting level in the manifest was not recognised, so it did not change DPC",
                "Name exposed for a person not in the staff table, so how rare the name is is unknown: assumed uncommon (EI 0.75)",
                CB_UNKNOWN, CB_MALICIOUS,
                "Severity = DPC 1 x EI 0.75 + CB 1.0 = 1.75: band LOW"), a.reasons(), "a blank rank echo is no rank");
        assertEquals(1.0, assess("name", null, null, "", MALICIOUS_UNKNOWN).dpc());
        assertEquals(List.of(), assess("name", null, null, "", MALICIOUS_UNKNOWN).reasons().stream()
                .filter(r -> r.contains("not recognised")).toList(), "a blank echo is no echo");
    }

    @Test
    void noCategoriesAndNoIncidentAreScoredOnTheConservativeAssumptions() {
        Assessment a = scorer.assess(new ScoringInput(java.util.Set.of(), policeStaff(NameRarity.COMMON), null, null, null));
        assertEquals(List.of(
                "No exposed data categories given: scored as simple data (DPC 1)",
                "No name, photo, home address or contact details exposed, only internal or shared details such as a pay"
                        + " number: hard to link to a person (EI 0.25)",
                "No incident details given: assumed malicious, with unknown recipients (the conservative assumption)",
                CB_UNKNOWN, CB_MALICIOUS,
                "Severity = DPC 1 x EI 0.25 + CB 1.0 = 1.25: band LOW"), a.reasons());
        assertEquals(new CircumstancesOfBreach(0.5, 0, 0, 0.5), a.cb());
    }

    @Test
    void whatTheIncidentLeavesUnsaidIsAssumedAndSaid() {
        IncidentMetadata unsaid = new IncidentMetadata("Acme", "INC-1", java.time.Instant.EPOCH, false, null, null, null,
                java.util.Set.of(), List.of());
        Assessment a = assess("pay_number", policeStaff(NameRarity.COMMON), null, null, unsaid);
        assertEquals(List.of(
                "Simple data is the most serious type exposed (pay number): DPC starts at 1",
                "No name, photo, home address or contact details exposed, only internal or shared details such as a pay"
                        + " number: hard to link to a person (EI 0.25)",
                "Loss of confidentiality not stated: assumed unknown recipients (the conservative assumption)",
                "Loss of integrity not stated: assumed no alteration",
                "Loss of availability not stated: assumed no loss",
                CB_UNKNOWN,
                "Severity = DPC 1 x EI 0.25 + CB 0.5 = 0.75: band LOW"), a.reasons());
        assertEquals(new CircumstancesOfBreach(0.5, 0, 0, 0), a.cb());
    }

    @Test
    void everyCircumstanceAddsItsPart() {
        IncidentMetadata worst = ScoringFixtures.incident(true, org.breachtriage.core.manifest.Confidentiality.KNOWN_RECIPIENTS,
                org.breachtriage.core.manifest.Integrity.UNRECOVERABLE, org.breachtriage.core.manifest.Availability.TEMPORARY);
        Assessment a = assess("pay_number", policeStaff(NameRarity.COMMON), null, null, worst);
        assertEquals(new CircumstancesOfBreach(0.25, 0.5, 0.25, 0.5), a.cb());
        assertEquals(List.of("Known recipients only: CB +0.25", "Data altered and not recoverable: CB +0.5",
                "Data temporarily unavailable: CB +0.25", CB_MALICIOUS), a.reasons().subList(2, 6));
        assertEquals(1.75, a.score(), "1 x 0.25 + 1.5");
    }

    @Test
    void aRankForSomeoneWhoseStaffTypeIsNotRecordedIsTheOfficerStepAndPoliceStaffGetNone() {
        StaffMember untyped = staff(null, NameRarity.COMMON, VettingLevel.RV);
        assertEquals("Rank exposed and staff type not recorded, so treated as a police officer (ENISA: special"
                + " characteristics of the individual): DPC +0.5 to 1.5",
                assess("rank", untyped, null, null, QUIET).reasons().get(1));
        for (StaffType type : List.of(StaffType.SPECIAL, StaffType.PCSO)) {
            assertEquals(1.5, assess("rank", staff(type, NameRarity.COMMON, VettingLevel.RV), null, null, QUIET).dpc(), type.name());
        }
        for (StaffType type : List.of(StaffType.STAFF, StaffType.CONTRACTOR)) {
            assertEquals(1.0, assess("rank", staff(type, NameRarity.COMMON, VettingLevel.RV), null, null, QUIET).dpc(), type.name());
        }
        assertEquals(1.0, assess("name", officer(NameRarity.COMMON), null, null, QUIET).dpc(),
                "an officer whose rank did not leak: no step");
        assertEquals(1.5, assess("name", officer(NameRarity.COMMON), "Constable", null, QUIET).dpc(),
                "an echoed rank counts as exposed");
    }

    @Test
    void easeOfIdentificationTakesTheStrongestRuleAndSaysOnlyWhatRaisedIt() {
        assertEquals(List.of("Name exposed but its rarity is not recorded: assumed uncommon (EI 0.75)"),
                eiReasons(assess("name", officer(null), null, null, QUIET)));
        assertEquals(List.of("Common name exposed: hard to pin on one person (EI 0.5)",
                        "Name exposed with rank and unit: narrows it down to a few people (EI 0.75)"),
                eiReasons(assess("name;rank;unit", policeStaff(NameRarity.COMMON), null, null, QUIET)));
        assertEquals(List.of("Uncommon name exposed: fairly easy to identify (EI 0.75)"),
                eiReasons(assess("name;rank;unit", policeStaff(NameRarity.UNCOMMON), null, null, QUIET)),
                "rank and unit cannot raise an uncommon name further");
        assertEquals(List.of("Common name exposed: hard to pin on one person (EI 0.5)",
                        "Name exposed with home address: together they single out one person (EI 1.0)"),
                eiReasons(assess("name;home_address", policeStaff(NameRarity.COMMON), null, null, QUIET)));
        assertEquals(List.of("Photo exposed without name: a face can be recognised or matched online (EI 0.75)"),
                eiReasons(assess("photo;email", policeStaff(NameRarity.COMMON), null, null, QUIET)));
        assertEquals(List.of("Home address exposed without name: it leads to the person's household (EI 0.75)"),
                eiReasons(assess("home_address;phone", policeStaff(NameRarity.COMMON), null, null, QUIET)));
        assertEquals(List.of("E-mail address or phone number exposed without name: it reaches the person, and work"
                + " addresses often spell the name (EI 0.5)"), eiReasons(assess("phone", policeStaff(NameRarity.COMMON), null, null, QUIET)));
        assertEquals(0.5, assess("email", policeStaff(NameRarity.COMMON), null, null, QUIET).ei());
    }

    @Test
    void aCounterTerrorismAndProtectionOfficerIsNamedByBothRoles() {
        Assessment a = assess("photo", officer(NameRarity.COMMON, RoleFlag.COUNTER_TERRORISM, RoleFlag.PROTECTION), null,
                null, MALICIOUS_UNKNOWN);
        assertEquals("Counter-terrorism and protection role with photo exposed: DPC set to 4 (ENISA: list of undercover"
                + " officers)", a.reasons().get(1));
        Assessment all = assess("home_address", officer(NameRarity.COMMON, RoleFlag.COVERT, RoleFlag.COUNTER_TERRORISM,
                RoleFlag.PROTECTION), null, null, QUIET);
        assertEquals("Covert, counter-terrorism and protection role with home address exposed: DPC set to 4 (ENISA: list"
                + " of undercover officers)", all.reasons().get(2));
        assertEquals(Band.HIGH, all.band(), "4 x 0.75 + 0 = 3.0");
    }

    @Test
    void anScFloorOfExactlyThreeIsAlreadyMet() {
        StaffMember sc = staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.SC);
        assertEquals("Vetting level SC exposed, which reveals a sensitive post: DPC already at least 3",
                assess("vetting_level;financial", sc, null, null, QUIET).reasons().get(1));
    }

    @Test
    void aUnitWithoutTheRankDoesNotNarrowACommonName() {
        assertEquals(0.5, assess("name;unit", policeStaff(NameRarity.COMMON), null, null, QUIET).ei());
    }

    @Test
    void cbZeroIsSaidOnlyWhenNothingAddsUp() {
        for (IncidentMetadata some : List.of(
                ScoringFixtures.incident(false, org.breachtriage.core.manifest.Confidentiality.KNOWN_RECIPIENTS,
                        org.breachtriage.core.manifest.Integrity.RECOVERABLE, org.breachtriage.core.manifest.Availability.NONE),
                ScoringFixtures.incident(false, org.breachtriage.core.manifest.Confidentiality.KNOWN_RECIPIENTS,
                        org.breachtriage.core.manifest.Integrity.NONE, org.breachtriage.core.manifest.Availability.TEMPORARY),
                ScoringFixtures.incident(true, org.breachtriage.core.manifest.Confidentiality.UNKNOWN_RECIPIENTS,
                        org.breachtriage.core.manifest.Integrity.NONE, org.breachtriage.core.manifest.Availability.NONE))) {
            assertEquals(List.of(), assess("pay_number", policeStaff(NameRarity.COMMON), null, null, some).reasons().stream()
                    .filter(r -> r.endsWith("CB 0")).toList(), some.toString());
        }
    }

    private static List<String> eiReasons(Assessment a) {
        return a.reasons().stream().filter(r -> r.contains("(EI ")).toList();
    }
}
