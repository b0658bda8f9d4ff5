package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.FORENAME;
import static org.breachtriage.core.scoring.ScoringFixtures.MALICIOUS_UNKNOWN;
import static org.breachtriage.core.scoring.ScoringFixtures.PAY_NUMBER;
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
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SeverityScorerTest {
    private final SeverityScorer scorer = new SeverityScorer(ScoringPolicy.loadDefault());

    /** One person scored end to end: what the table says goes in, and DPC, EI, score, band and one telling reason. */
    record Case(String title, String exposed, StaffMember staff, String echoedRank, String echoedVetting,
                IncidentMetadata incident, double dpc, double ei, double score, Band band, String reasonFragment) {
        ScoringInput input() {
            return new ScoringInput(ScoringFixtures.exposed(exposed), staff, echoedRank, echoedVetting, incident);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private static Case matched(String title, String exposed, StaffMember staff, IncidentMetadata incident,
                                double dpc, double ei, double score, Band band, String reasonFragment) {
        return new Case(title, exposed, staff, null, null, incident, dpc, ei, score, band, reasonFragment);
    }

    private static Case unmatched(String title, String exposed, String echoedRank, String echoedVetting,
                                  double dpc, double ei, double score, Band band, String reasonFragment) {
        return new Case(title, exposed, null, echoedRank, echoedVetting, MALICIOUS_UNKNOWN, dpc, ei, score, band,
                reasonFragment);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ENISA's worked example: a list of undercover officers is DPC 4.
                matched("ENISA example: undercover officer's name on a list", "name",
                        officer(NameRarity.COMMON, RoleFlag.COVERT), QUIET,
                        4, 0.5, 2.0, Band.MEDIUM, "Covert role with name exposed: DPC set to 4 (ENISA: list of undercover officers)"),
                matched("covert, name and photo, malicious, unknown recipients", "name;photo;rank",
                        officer(NameRarity.COMMON, RoleFlag.COVERT), MALICIOUS_UNKNOWN,
                        4, 1.0, 5.0, Band.VERY_HIGH, "Covert role with name and photo exposed: DPC set to 4"),
                matched("covert, uncommon name, malicious, unknown recipients", "name",
                        officer(NameRarity.UNCOMMON, RoleFlag.COVERT), MALICIOUS_UNKNOWN,
                        4, 0.75, 4.0, Band.VERY_HIGH, "Uncommon name exposed"),
                matched("covert, common name only, malicious: high, not very high (a common name is hard to pin)", "name",
                        officer(NameRarity.COMMON, RoleFlag.COVERT), MALICIOUS_UNKNOWN,
                        4, 0.5, 3.0, Band.HIGH, "Common name exposed: hard to pin on one person (EI 0.5)"),
                matched("counter-terrorism and protection, photo only", "photo",
                        officer(NameRarity.COMMON, RoleFlag.COUNTER_TERRORISM, RoleFlag.PROTECTION), MALICIOUS_UNKNOWN,
                        4, 0.75, 4.0, Band.VERY_HIGH, "Counter-terrorism and protection role with photo exposed"),
                matched("protection role, pay number alone: role tied to nobody findable", "pay_number",
                        officer(NameRarity.RARE, RoleFlag.PROTECTION), MALICIOUS_UNKNOWN,
                        1, 0.25, 1.25, Band.LOW, "Protection role, but no name, photo or home address exposed"),
                matched("covert, home address only", "home_address",
                        staff(StaffType.STAFF, null, null, RoleFlag.COVERT), QUIET,
                        4, 0.75, 3.0, Band.HIGH, "Covert role with home address exposed"),

                matched("common name only, police staff, malicious", "name", policeStaff(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 0.5, 1.5, Band.LOW, "Common name exposed"),
                matched("common name only, nothing else happened", "name", policeStaff(NameRarity.COMMON),
                        QUIET, 1, 0.5, 0.5, Band.LOW, "CB 0"),
                matched("common name only, officer whose rank did not leak", "name", officer(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 0.5, 1.5, Band.LOW, "Simple data is the most serious type exposed (name)"),
                matched("uncommon name", "name", policeStaff(NameRarity.UNCOMMON),
                        MALICIOUS_UNKNOWN, 1, 0.75, 1.75, Band.LOW, "Uncommon name exposed: fairly easy to identify (EI 0.75)"),
                matched("rare name raises EI", "name", policeStaff(NameRarity.RARE),
                        MALICIOUS_UNKNOWN, 1, 1.0, 2.0, Band.MEDIUM, "Rare name exposed: easy to identify (EI 1.0)"),
                matched("unique name", "name", policeStaff(NameRarity.UNIQUE),
                        MALICIOUS_UNKNOWN, 1, 1.0, 2.0, Band.MEDIUM, "Unique name exposed"),
                matched("name with photo is EI 1 even for a common name", "name;photo", policeStaff(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 1.0, 2.0, Band.MEDIUM, "Name exposed with photo"),
                matched("photo without name", "photo;pay_number", policeStaff(NameRarity.RARE),
                        MALICIOUS_UNKNOWN, 1, 0.75, 1.75, Band.LOW, "Photo exposed without name"),
                matched("name, rank and unit narrow a common name down", "name;rank;unit", officer(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1.5, 0.75, 2.125, Band.MEDIUM, "Name exposed with rank and unit"),
                matched("police staff grade is not an officer's rank", "name;rank", policeStaff(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 0.5, 1.5, Band.LOW, "Common name exposed"),
                matched("PCSO whose rank leaked is police: half a step", "name;rank",
                        staff(StaffType.PCSO, NameRarity.COMMON, null), MALICIOUS_UNKNOWN,
                        1.5, 0.5, 1.75, Band.LOW, "Police officer whose rank was exposed"
                                + " (ENISA: special characteristics of the individual): DPC +0.5 to 1.5"),
                matched("special constable whose rank leaked is police", "name;rank;photo",
                        staff(StaffType.SPECIAL, NameRarity.COMMON, null), MALICIOUS_UNKNOWN,
                        1.5, 1.0, 2.5, Band.MEDIUM, "Police officer whose rank was exposed"),
                matched("contractor whose grade leaked is not police", "name;rank;photo",
                        staff(StaffType.CONTRACTOR, NameRarity.COMMON, null), MALICIOUS_UNKNOWN,
                        1, 1.0, 2.0, Band.MEDIUM, "DPC starts at 1"),
                matched("rank leaked, staff type not recorded: half a step", "name;rank",
                        staff(null, NameRarity.COMMON, null), MALICIOUS_UNKNOWN,
                        1.5, 0.5, 1.75, Band.LOW, "staff type not recorded, so treated as a police officer"
                                + " (ENISA: special characteristics of the individual): DPC +0.5 to 1.5"),
                matched("Met 2023 row for an ordinary officer: medium, not high", "name;rank;photo;vetting_level;pay_number",
                        officer(NameRarity.COMMON), MALICIOUS_UNKNOWN,
                        1.5, 1.0, 2.5, Band.MEDIUM, "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 1.5"),
                matched("officer with a rare name, name and rank only: the distinctive-name step", "name;rank",
                        officer(NameRarity.RARE), MALICIOUS_UNKNOWN,
                        2, 1.0, 3.0, Band.HIGH, "Rare name exposed with rank, which ties it to the police"),
                matched("officer, name, rank and photo, known recipients, not malicious", "name;rank;photo",
                        officer(NameRarity.COMMON), incident(false, Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE),
                        1.5, 1.0, 1.75, Band.LOW, "Known recipients only: CB +0.25"),
                matched("officer whose home address also leaked: the half step then a whole one", "name;rank;photo;home_address",
                        officer(NameRarity.COMMON), MALICIOUS_UNKNOWN,
                        2.5, 1.0, 3.5, Band.HIGH, "Home address exposed: it lets someone find a police employee at home: DPC +1 to 2.5"),
                matched("officer whose date of birth also leaked", "name;rank;date_of_birth",
                        officer(NameRarity.COMMON), MALICIOUS_UNKNOWN,
                        2.5, 1.0, 3.5, Band.HIGH, "Date of birth exposed with name: enough to impersonate the person (identity fraud): DPC +1 to 2.5"),
                matched("Met 2023 row for police staff", "name;rank;photo;vetting_level;pay_number",
                        policeStaff(NameRarity.COMMON), MALICIOUS_UNKNOWN,
                        1, 1.0, 2.0, Band.MEDIUM, "Name exposed with photo"),

                matched("SC vetting exposed raises DPC to 3", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.SC), MALICIOUS_UNKNOWN,
                        3, 0.5, 2.5, Band.MEDIUM, "Vetting level SC exposed, which reveals a sensitive post: DPC raised to 3"),
                matched("MV vetting exposed raises DPC to 3", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.MV), MALICIOUS_UNKNOWN,
                        3, 0.5, 2.5, Band.MEDIUM, "Vetting level MV exposed"),
                matched("DV vetting exposed raises DPC to 3", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.DV), MALICIOUS_UNKNOWN,
                        3, 0.5, 2.5, Band.MEDIUM, "Vetting level DV exposed"),
                matched("NPPV3 vetting exposed does not", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.NPPV3), MALICIOUS_UNKNOWN,
                        1, 0.5, 1.5, Band.LOW, "DPC starts at 1"),
                matched("RV vetting exposed does not", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.RV), MALICIOUS_UNKNOWN,
                        1, 0.5, 1.5, Band.LOW, "DPC starts at 1"),
                matched("CTC vetting exposed does not", "name;vetting_level",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.CTC), MALICIOUS_UNKNOWN,
                        1, 0.5, 1.5, Band.LOW, "DPC starts at 1"),
                matched("SC held but vetting level not exposed", "name",
                        staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.SC), MALICIOUS_UNKNOWN,
                        1, 0.5, 1.5, Band.LOW, "DPC starts at 1"),
                matched("officer with SC: the half step then the floor", "name;rank;photo;vetting_level",
                        staff(StaffType.OFFICER, NameRarity.COMMON, VettingLevel.SC), MALICIOUS_UNKNOWN,
                        3, 1.0, 4.0, Band.VERY_HIGH, "Vetting level SC exposed, which reveals a sensitive post: DPC raised to 3"),
                matched("officer with DV and home address: steps to 2.5, floor to 3", "name;rank;home_address;vetting_level",
                        staff(StaffType.OFFICER, NameRarity.COMMON, VettingLevel.DV), MALICIOUS_UNKNOWN,
                        3, 1.0, 4.0, Band.VERY_HIGH, "Vetting level DV exposed, which reveals a sensitive post: DPC raised to 3"),
                matched("covert officer in the Met 2023 row: the half step, the floor, then 4", "name;rank;photo;vetting_level;pay_number",
                        staff(StaffType.OFFICER, NameRarity.COMMON, VettingLevel.SC, RoleFlag.COVERT), MALICIOUS_UNKNOWN,
                        4, 1.0, 5.0, Band.VERY_HIGH, "Covert role with name and photo exposed: DPC set to 4"),

                matched("pay number alone stays low, even for a covert SC officer", "pay_number",
                        staff(StaffType.OFFICER, NameRarity.UNIQUE, VettingLevel.SC, RoleFlag.COVERT), MALICIOUS_UNKNOWN,
                        1, 0.25, 1.25, Band.LOW, "hard to link to a person (EI 0.25)"),
                matched("pay number alone, police staff", "pay_number", policeStaff(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 0.25, 1.25, Band.LOW, "Simple data is the most serious type exposed (pay number)"),
                matched("warrant number and unit only", "warrant_number;unit", officer(NameRarity.RARE),
                        MALICIOUS_UNKNOWN, 1, 0.25, 1.25, Band.LOW, "hard to link to a person"),
                matched("work e-mail only", "email", policeStaff(NameRarity.RARE),
                        MALICIOUS_UNKNOWN, 1, 0.5, 1.5, Band.LOW, "E-mail address or phone number exposed without name"),

                matched("professional standards with name and photo", "name;photo",
                        staff(StaffType.STAFF, NameRarity.COMMON, null, RoleFlag.PROFESSIONAL_STANDARDS), MALICIOUS_UNKNOWN,
                        2, 1.0, 3.0, Band.HIGH, "Professional standards role with name and photo exposed: these officers investigate colleagues and criminals: DPC +1 to 2"),
                matched("professional standards officer with rank", "name;rank;photo",
                        officer(NameRarity.COMMON, RoleFlag.PROFESSIONAL_STANDARDS), MALICIOUS_UNKNOWN,
                        2.5, 1.0, 3.5, Band.HIGH, "Professional standards role with name and photo exposed: these"
                                + " officers investigate colleagues and criminals: DPC +1 to 2.5"),
                matched("professional standards, home address only", "home_address",
                        staff(StaffType.STAFF, null, null, RoleFlag.PROFESSIONAL_STANDARDS), QUIET,
                        3, 0.75, 2.25, Band.MEDIUM, "Professional standards role with home address exposed"),
                matched("professional standards, pay number only", "pay_number",
                        officer(NameRarity.COMMON, RoleFlag.PROFESSIONAL_STANDARDS), MALICIOUS_UNKNOWN,
                        1, 0.25, 1.25, Band.LOW, "DPC starts at 1"),
                matched("home address with name", "name;home_address", policeStaff(NameRarity.COMMON), QUIET,
                        2, 1.0, 2.0, Band.MEDIUM, "Home address exposed: it lets someone find a police employee at home: DPC +1 to 2"),
                matched("date of birth with name", "name;date_of_birth", policeStaff(NameRarity.COMMON), QUIET,
                        2, 1.0, 2.0, Band.MEDIUM, "Date of birth exposed with name"),
                matched("date of birth without name", "date_of_birth;pay_number", policeStaff(NameRarity.COMMON), QUIET,
                        1, 0.25, 0.25, Band.LOW, "hard to link to a person"),
                matched("financial data starts at 3", "financial;pay_number", policeStaff(NameRarity.COMMON), QUIET,
                        3, 0.25, 0.75, Band.LOW, "Financial data is the most serious type exposed (pay number, financial): DPC starts at 3"),
                matched("steps stop at the top of the scale", "name;rank;financial;home_address;date_of_birth",
                        officer(NameRarity.COMMON, RoleFlag.PROFESSIONAL_STANDARDS), MALICIOUS_UNKNOWN,
                        4, 1.0, 5.0, Band.VERY_HIGH, "DPC already at the maximum 4"),
                matched("a whole step from 3.5 adds only the half that fits", "rank;financial;home_address",
                        officer(NameRarity.COMMON), QUIET,
                        4, 0.75, 3.0, Band.HIGH, "Home address exposed: it lets someone find a police employee at"
                                + " home: DPC +0.5 to the maximum 4"),
                matched("financial data and the officer's half step, no name", "rank;financial;pay_number",
                        officer(NameRarity.COMMON), MALICIOUS_UNKNOWN,
                        3.5, 0.25, 1.875, Band.LOW, "DPC +0.5 to 3.5"),
                matched("nothing listed as exposed still gets a score", "", policeStaff(NameRarity.COMMON),
                        MALICIOUS_UNKNOWN, 1, 0.25, 1.25, Band.LOW, "No exposed data categories given"),

                unmatched("unmatched, SC echoed leniently", "name;vetting_level", null, " sc cleared ",
                        3, 0.75, 3.25, Band.HIGH, "Vetting level SC exposed (as echoed in the manifest)"),
                unmatched("unmatched, DV echoed in words, vetting not listed", "name", null, "Developed Vetting",
                        3, 0.75, 3.25, Band.HIGH, "Vetting level DV exposed (as echoed in the manifest)"),
                unmatched("unmatched, NPPV echoed", "name;vetting_level", null, "NPPV 2A",
                        1, 0.75, 1.75, Band.LOW, "assumed uncommon (EI 0.75)"),
                unmatched("unmatched, vetting echo not recognised", "name;vetting_level", null, "Level Q",
                        1, 0.75, 1.75, Band.LOW, "Vetting level in the manifest was not recognised"),
                unmatched("unmatched, rank echoed: treated as an officer", "name", "Sergeant", null,
                        1.5, 0.75, 2.125, Band.MEDIUM, "Rank exposed for a person not in the staff table, so treated as"
                                + " a police officer (ENISA: special characteristics of the individual): DPC +0.5 to 1.5"),
                unmatched("unmatched, rank listed with photo", "name;rank;photo", null, null,
                        1.5, 1.0, 2.5, Band.MEDIUM, "Rank exposed for a person not in the staff table"),
                unmatched("unmatched, pay number only", "pay_number", null, null,
                        1, 0.25, 1.25, Band.LOW, "hard to link to a person"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresEachCaseAsTheMethodSays(Case c) {
        Assessment a = scorer.assess(c.input());

        assertEquals(c.dpc(), a.dpc(), "DPC; reasons: " + a.reasons());
        assertEquals(c.ei(), a.ei(), "EI; reasons: " + a.reasons());
        assertEquals(a.dpc() * a.ei() + a.cb().total(), a.score(), "score is DPC x EI + CB");
        assertEquals(c.score(), a.score(), "score; reasons: " + a.reasons());
        assertEquals(c.band(), a.band(), "band; reasons: " + a.reasons());
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains(c.reasonFragment())),
                () -> "expected a reason containing '" + c.reasonFragment() + "' in " + a.reasons());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reasonsAreSentencesWithoutPersonalData(Case c) {
        Assessment a = scorer.assess(c.input());

        // A shape check over every case: how many sentences each case has depends on the rules that fired
        // (the named people of SampleGoldenTest pin whole reason lists), but never fewer than DPC, EI, CB and the total.
        assertTrue(a.reasons().size() >= 4, "at least DPC, EI, CB and the total: " + a.reasons());
        assertTrue(a.reasons().getFirst().contains("DPC"), a.reasons().getFirst());
        assertTrue(a.reasons().getLast().startsWith("Severity = DPC " + dpcAsWritten(c.dpc()) + " x EI " + c.ei() + " + CB "),
                a.reasons().getLast());
        for (String reason : a.reasons()) {
            assertTrue(Character.isUpperCase(reason.charAt(0)), "starts like a sentence: " + reason);
            String lower = reason.toLowerCase(Locale.ROOT);
            for (String personal : new String[] {FORENAME, SURNAME, PAY_NUMBER, "Specialist Operations", "Inspector",
                    "Sergeant", "Federation", "Level Q", "cleared", "Developed Vetting"}) {
                assertFalse(lower.contains(personal.toLowerCase(Locale.ROOT)),
                        () -> "reason carries input text '" + personal + "': " + reason);
            }
            assertFalse(reason.contains("null"), "no raw values: " + reason);
            assertFalse(DPC_WITH_DOT_ZERO.matcher(reason).find(), "DPC written without '.0': " + reason);
        }
    }

    /** A DPC figure written as "2.0" or "+1.0" rather than "2" or "+1", as the base and floors are. */
    private static final Pattern DPC_WITH_DOT_ZERO = Pattern.compile("DPC (?:\\+|\\+[0-9.]+ to (?:the maximum )?"
            + "|starts at |raised to |set to |already at the maximum |already at least )?[0-9]+\\.0(?![0-9])");

    /** How the table's DPC must appear in the closing sentence: "2", "1.5". Written out, not computed by the scorer. */
    private static String dpcAsWritten(double dpc) {
        return switch ((int) (dpc * 2)) {
            case 2 -> "1";
            case 3 -> "1.5";
            case 4 -> "2";
            case 5 -> "2.5";
            case 6 -> "3";
            case 7 -> "3.5";
            case 8 -> "4";
            default -> throw new IllegalArgumentException("DPC outside 1 to 4 in halves: " + dpc);
        };
    }

    /** The closing sentence in full, including the eighths a half-step DPC times a quarter-step EI gives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name;rank;photo      | OFFICER | COMMON | Severity = DPC 1.5 x EI 1.0 + CB 1.0 = 2.5: band MEDIUM
            name;rank;unit       | OFFICER | COMMON | Severity = DPC 1.5 x EI 0.75 + CB 1.0 = 2.125: band MEDIUM
            name;rank;photo      | STAFF   | COMMON | Severity = DPC 1 x EI 1.0 + CB 1.0 = 2.0: band MEDIUM
            name;rank;photo;home_address | OFFICER | COMMON | Severity = DPC 2.5 x EI 1.0 + CB 1.0 = 3.5: band HIGH
            name;rank;photo;home_address | OFFICER | RARE | Severity = DPC 3 x EI 1.0 + CB 1.0 = 4.0: band VERY_HIGH
            name;rank;photo      | OFFICER | RARE   | Severity = DPC 2 x EI 1.0 + CB 1.0 = 3.0: band HIGH
            name;rank;photo      | STAFF   | UNIQUE | Severity = DPC 1.5 x EI 1.0 + CB 1.0 = 2.5: band MEDIUM
            name;home_address    | STAFF   | COMMON | Severity = DPC 2 x EI 1.0 + CB 1.0 = 3.0: band HIGH
            """)
    void closingSentenceWritesDpcInHalves(String wire, StaffType type, NameRarity rarity, String expected) {
        Assessment a = scorer.assess(new ScoringInput(exposed(wire), staff(type, rarity, VettingLevel.RV), null, null,
                MALICIOUS_UNKNOWN));

        assertEquals(expected, a.reasons().getLast());
    }

    /** The premise of the product: in one breach, being police alone moves a person less than any other aggravating fact. */
    @Test
    void theOfficerStepIsHalfOfEveryOtherStep() {
        StaffMember staffMember = policeStaff(NameRarity.COMMON);
        double base = scorer.assess(new ScoringInput(exposed("name;photo"), staffMember, null, null, MALICIOUS_UNKNOWN)).dpc();
        double asOfficer = scorer.assess(new ScoringInput(exposed("name;photo;rank"), officer(NameRarity.COMMON), null, null,
                MALICIOUS_UNKNOWN)).dpc();
        double withAddress = scorer.assess(new ScoringInput(exposed("name;photo;home_address"), staffMember, null, null,
                MALICIOUS_UNKNOWN)).dpc();

        assertEquals(0.5, asOfficer - base);
        assertEquals(1.0, withAddress - base);
    }

    @Test
    void vettingThatRevealsNoSensitivePostLeavesNoVettingReason() {
        Assessment a = scorer.assess(new ScoringInput(exposed("name;vetting_level"),
                staff(StaffType.STAFF, NameRarity.COMMON, VettingLevel.NPPV3), null, "NPPV3", MALICIOUS_UNKNOWN));

        assertTrue(a.reasons().stream().noneMatch(r -> r.contains("Vetting")), a.reasons().toString());
    }

    @Test
    void rareNameRaisesEaseOfIdentificationOverACommonOne() {
        double common = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.COMMON), null, null, QUIET)).ei();
        double uncommon = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.UNCOMMON), null, null, QUIET)).ei();
        double rare = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.RARE), null, null, QUIET)).ei();

        assertTrue(common < uncommon && uncommon < rare, common + " < " + uncommon + " < " + rare);
    }

    /** Each circumstance of the breach on its own, on a fixed DPC 1 x EI 0.5 = 0.5 base. */
    @ParameterizedTest(name = "{0} {1} {2} malicious={3} -> CB {4}+{5}+{6}+{7}")
    @CsvSource({
            "NO_EVIDENCE,        NONE,          NONE,      false, 0,    0,    0,    0,   'CB 0'",
            "KNOWN_RECIPIENTS,   NONE,          NONE,      false, 0.25, 0,    0,    0,   'Known recipients only: CB +0.25'",
            "UNKNOWN_RECIPIENTS, NONE,          NONE,      false, 0.5,  0,    0,    0,   'Unknown recipients, so the data may be in anyone''s hands: CB +0.5'",
            "NO_EVIDENCE,        RECOVERABLE,   NONE,      false, 0,    0.25, 0,    0,   'Data altered but recoverable: CB +0.25'",
            "NO_EVIDENCE,        UNRECOVERABLE, NONE,      false, 0,    0.5,  0,    0,   'Data altered and not recoverable: CB +0.5'",
            "NO_EVIDENCE,        NONE,          TEMPORARY, false, 0,    0,    0.25, 0,   'Data temporarily unavailable: CB +0.25'",
            "NO_EVIDENCE,        NONE,          PERMANENT, false, 0,    0,    0.5,  0,   'Data permanently lost: CB +0.5'",
            "NO_EVIDENCE,        NONE,          NONE,      true,  0,    0,    0,    0.5, 'Malicious breach (a deliberate attack or theft): CB +0.5'",
            "UNKNOWN_RECIPIENTS, UNRECOVERABLE, PERMANENT, true,  0.5,  0.5,  0.5,  0.5, 'Data permanently lost'",
    })
    void circumstancesOfBreachAddEachPart(Confidentiality c, Integrity i, Availability av, boolean malicious,
                                          double conf, double integ, double avail, double mal, String reason) {
        Assessment a = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.COMMON), null, null,
                incident(malicious, c, i, av)));

        assertEquals(new CircumstancesOfBreach(conf, integ, avail, mal), a.cb());
        assertEquals(0.5 + conf + integ + avail + mal, a.score());
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains(reason)), a.reasons().toString());
    }

    @Test
    void missingIncidentIsTheConservativeAssumption() {
        Assessment a = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.COMMON), null, null, null));

        assertEquals(new CircumstancesOfBreach(0.5, 0, 0, 0.5), a.cb());
        assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("No incident details given")), a.reasons().toString());
    }

    @Test
    void unstatedPartsOfTheIncidentAreSaid() {
        Assessment a = scorer.assess(new ScoringInput(exposed("name"), policeStaff(NameRarity.COMMON), null, null,
                incident(false, null, null, null)));

        assertEquals(new CircumstancesOfBreach(0.5, 0, 0, 0), a.cb());
        assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("Loss of confidentiality not stated")), a.reasons().toString());
        assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("Loss of integrity not stated")), a.reasons().toString());
        assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("Loss of availability not stated")), a.reasons().toString());
    }

    /** Scores exactly on and just under each band boundary, reached through the scorer, not by calling Band. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("boundaries")
    void bandBoundariesAreExact(String title, double score, Band band, ScoringInput input) {
        Assessment a = scorer.assess(input);

        assertEquals(score, a.score(), a.reasons().toString());
        assertEquals(band, a.band());
    }

    static Stream<Arguments> boundaries() {
        IncidentMetadata cb125 = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.NONE);
        IncidentMetadata cb150 = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.PERMANENT);
        IncidentMetadata cb075 = incident(false, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.NONE);
        IncidentMetadata cb175 = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.UNRECOVERABLE, Availability.TEMPORARY);
        IncidentMetadata cb200 = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.UNRECOVERABLE, Availability.PERMANENT);
        StaffMember sc = staff(StaffType.STAFF, NameRarity.UNCOMMON, VettingLevel.SC);
        StaffMember scRare = staff(StaffType.STAFF, NameRarity.RARE, VettingLevel.SC);
        return Stream.of(
                arguments("1 x 0.75 + 1", 1.75, Band.LOW,
                        new ScoringInput(exposed("name"), policeStaff(NameRarity.UNCOMMON), null, null, MALICIOUS_UNKNOWN)),
                arguments("1.5 x 0.75 + 0.75", 1.875, Band.LOW,
                        new ScoringInput(exposed("name;rank;unit"), officer(NameRarity.COMMON), null, null, cb075)),
                arguments("1 x 1 + 1", 2.0, Band.MEDIUM,
                        new ScoringInput(exposed("name;photo"), policeStaff(NameRarity.COMMON), null, null, MALICIOUS_UNKNOWN)),
                arguments("1.5 x 1 + 1", 2.5, Band.MEDIUM,
                        new ScoringInput(exposed("name;rank;photo"), officer(NameRarity.COMMON), null, null, MALICIOUS_UNKNOWN)),
                arguments("2 x 0.75 + 1.25", 2.75, Band.MEDIUM,
                        new ScoringInput(exposed("home_address"), policeStaff(NameRarity.COMMON), null, null, cb125)),
                arguments("1.5 x 0.75 + 1.75", 2.875, Band.MEDIUM,
                        new ScoringInput(exposed("name;rank;unit"), officer(NameRarity.COMMON), null, null, cb175)),
                arguments("1.5 x 1 + 1.5", 3.0, Band.HIGH,
                        new ScoringInput(exposed("name;rank;photo"), officer(NameRarity.COMMON), null, null, cb150)),
                arguments("3 x 0.75 + 1.5", 3.75, Band.HIGH,
                        new ScoringInput(exposed("name;vetting_level"), sc, null, null, cb150)),
                arguments("2.5 x 0.75 + 2", 3.875, Band.HIGH,
                        new ScoringInput(exposed("name;rank;unit"), officer(NameRarity.COMMON, RoleFlag.PROFESSIONAL_STANDARDS),
                                null, null, cb200)),
                arguments("3 x 1 + 1", 4.0, Band.VERY_HIGH,
                        new ScoringInput(exposed("name;vetting_level"), scRare, null, null, MALICIOUS_UNKNOWN)));
    }

    @Test
    void exposedCategoriesOfAnyOrderScoreTheSame() {
        StaffMember person = officer(NameRarity.RARE, RoleFlag.COVERT);
        Assessment a = scorer.assess(new ScoringInput(Set.of(org.breachtriage.core.model.DataCategory.PHOTO,
                org.breachtriage.core.model.DataCategory.NAME), person, null, null, MALICIOUS_UNKNOWN));
        Assessment b = scorer.assess(new ScoringInput(exposed("name;photo"), person, null, null, MALICIOUS_UNKNOWN));

        assertEquals(a, b);
    }
}
