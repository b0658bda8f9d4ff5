package org.breachtriage.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryObjectStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundled sample through the real pipeline (in-memory stores), checked against answers worked
 * out from the inputs, never read back from what the pipeline stored: the figures of
 * {@link SampleGoldens}, every person against {@link Rescoring}, and named people whose band and
 * reasons are written out below from their roster line, manifest row(s) and the sidecar, following
 * docs/scoring.md.
 */
class SampleGoldenTest {
    private static final ScoringPolicy POLICY = ScoringPolicy.loadDefault();

    // Sentences every person of this incident (malicious, unknown recipients) ends on.
    private static final String CB_UNKNOWN = "Unknown recipients, so the data may be in anyone's hands: CB +0.5";
    private static final String CB_MALICIOUS = "Malicious breach (a deliberate attack or theft): CB +0.5";
    private static final String ID_CARD_BASE =
            "Simple data is the most serious type exposed (name, rank, photo, vetting level, pay number): DPC starts at 1";
    private static final String NAME_RANK_PAY_BASE =
            "Simple data is the most serious type exposed (name, rank, pay number): DPC starts at 1";
    private static final String OFFICER =
            "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 1.5";
    private static final String NAME_WITH_PHOTO =
            "Name exposed with photo: the face confirms who the name belongs to (EI 1.0)";
    private static final String PAY_NUMBER_ONLY_BASE =
            "Simple data is the most serious type exposed (pay number): DPC starts at 1";
    private static final String INTERNAL_ONLY = "No name, photo, home address or contact details exposed, only"
            + " internal or shared details such as a pay number: hard to link to a person (EI 0.25)";
    private static final String UNMATCHED_NAME = "Name exposed for a person not in the staff table, so how rare the"
            + " name is is unknown: assumed uncommon (EI 0.75)";
    /** The distinctive-name step's reason, after the words saying which ties to the police leaked. */
    private static final String FINDABLE_AS_POLICE = " it to the police: a police employee with a distinctive name is"
            + " easier to find online and easier to trace to a home and family (ENISA: special characteristics of the"
            + " individual; rarity counts how many staff share the name, never ethnicity): DPC +0.5 to 2";
    private static final String RARE_NAME_WITH_RANK_AND_PHOTO =
            "Rare name exposed with rank and photo, which tie" + FINDABLE_AS_POLICE;
    private static final String RARE_NAME = "Rare name exposed: easy to identify (EI 1.0)";
    private static final String UNMATCHED_OFFICER = "Rank exposed for a person not in the staff table, so treated as"
            + " a police officer (ENISA: special characteristics of the individual): DPC +0.5 to 1.5";

    /** One sample run: the sample's roster in the staff table, then the manifests given, in order. */
    static final class Run {
        final ScenarioHarness harness;
        final InMemoryPersonStore persons = new InMemoryPersonStore();
        final List<CaseRecord> cases = new ArrayList<>();

        Run(String... manifests) throws IOException {
            InMemoryObjectStore objects = new InMemoryObjectStore();
            InMemoryStaff staff = new InMemoryStaff();
            // The default policy, as the sample is run: MEDIUM's notices go at once, HIGH's and VERY_HIGH's wait.
            harness = new ScenarioHarness(new ScenarioHarness.Backend(objects, staff, new InMemoryCaseStore(),
                    new InMemoryIncidentStore(), persons, new RecordingPublisher()), POLICY);
            staff.putAll(SampleFiles.roster().values());
            // After every sample sidecar's awareAt (the latest, with-errors.csv's, is 2023-08-25T16:00Z):
            // an awareAt in the future is refused, as on the day.
            harness.clock.set(java.time.Instant.parse("2023-08-25T17:00:00Z"));
            for (String manifest : manifests) {
                put(objects, manifest, SampleFiles.bytes(manifest));
                put(objects, manifest + SampleFiles.SIDECAR_SUFFIX, SampleFiles.bytes(manifest + SampleFiles.SIDECAR_SUFFIX));
                cases.add(harness.runManifest(manifest));
            }
        }

        Map<String, IncidentPerson> people() {
            Map<String, IncidentPerson> people = new java.util.HashMap<>();
            persons.forEach(cases.get(0).incidentId(), p -> people.put(p.payNumber(), p));
            return people;
        }

        RunSummary summary(int manifest) {
            CaseRecord c = cases.get(manifest);
            return RunSummary.of(c, CaseNotices.read(c.incidentId(), c.caseId(), persons), 0);
        }

        IncidentPerson person(String payNumber) {
            return persons.find(cases.get(0).incidentId(), payNumber).orElseThrow();
        }

        private static void put(InMemoryObjectStore objects, String key, byte[] content) {
            objects.put(key, content, "text/plain", Map.of());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheFirstListAlone {
        private Run run;
        private Map<String, Rescoring.Expected> expected;
        private List<Rescoring.ExpectedNotice> notices;

        @BeforeAll
        void runIt() throws IOException {
            run = new Run(SampleFiles.MET_ID_CARD);
            List<Rescoring.Listing> listings = List.of(new Rescoring.Listing(SampleGoldens.MET_INCIDENT,
                    SampleFiles.read(SampleFiles.MET_ID_CARD).accepted()));
            expected = Rescoring.of(POLICY, SampleFiles.roster(), listings);
            notices = Rescoring.notices(POLICY, SampleFiles.roster(), listings, RowBatch.MAX_ROWS);
        }

        @Test
        void theNoticeGoldensAreWhatThePolicyPlansFromTheInputs() {
            assertEquals(SampleGoldens.Notices.MET_PLANNED, notices.size());
            assertEquals(SampleGoldens.Notices.MET_PUBLISHED, count(notices, Rescoring.Standing.PUBLISHED));
            assertEquals(SampleGoldens.Notices.MET_AWAITING_RELEASE, count(notices, Rescoring.Standing.AWAITING_RELEASE));
            assertEquals(SampleGoldens.Notices.MET_WITHDRAWN, count(notices, Rescoring.Standing.WITHDRAWN));
            assertEquals(SampleGoldens.MET_ART34, notices.stream()
                    .filter(n -> n.standing() == Rescoring.Standing.AWAITING_RELEASE).count(),
                    "every Art. 34 notice waits for its approvers");
        }

        @Test
        void everyStoredPersonHasTheNoticesThePolicyPlansForThem() {
            assertStoredNoticesAsPlanned(run, notices);
        }

        @Test
        void theGoldenFiguresAreWhatTheInputsGive() {
            assertEquals(SampleGoldens.MET_PEOPLE, expected.size());
            assertEquals(SampleGoldens.MET_MATCHED, expected.values().stream().filter(Rescoring.Expected::matched).count());
            assertEquals(SampleGoldens.MET_BANDS, Rescoring.bandTable(expected.values()));
            assertEquals(SampleGoldens.MET_ART34, Rescoring.art34Required(expected.values()));
        }

        @Test
        void theCaseCountsTheGoldenBandTable() {
            RunSummary summary = run.summary(0);
            assertEquals("REPORTED", summary.status());
            assertEquals(new RunSummary.Rows(SampleGoldens.MET_ROWS, SampleGoldens.MET_ROWS, 0), summary.rows());
            assertEquals(new RunSummary.Persons(SampleGoldens.MET_PEOPLE, SampleGoldens.MET_MATCHED,
                    SampleGoldens.MET_UNMATCHED), summary.persons());
            assertEquals(SampleGoldens.MET_BANDS, summary.bands());
            assertEquals(new RunSummary.Notices(SampleGoldens.Notices.MET_PLANNED, SampleGoldens.Notices.MET_PUBLISHED, 0,
                    SampleGoldens.Notices.MET_AWAITING_RELEASE, 0, SampleGoldens.Notices.MET_WITHDRAWN, 0), summary.notices());
            assertTrue(summary.balances());
        }

        @Test
        void everyStoredPersonIsWhatTheScorerMakesOfTheirRowsRosterRecordAndIncident() {
            Map<String, IncidentPerson> people = run.people();
            assertEquals(expected.keySet(), people.keySet(), "one record per pay number in the manifest");
            for (Rescoring.Expected e : expected.values()) {
                IncidentPerson stored = people.get(e.payNumber());
                assertEquals(e.assessment(), stored.assessment(), e.payNumber());
                assertEquals(e.exposed(), stored.exposed(), e.payNumber());
                assertEquals(e.matched(), stored.matched(), e.payNumber());
                assertToldAsThePolicySays(e, stored);
            }
        }

        /**
         * MP002959, Owen Rahman: a covert officer (Covert Policing Unit, COVERT, SC) listed with
         * name;rank;pay_number. Rahman is held by 6 people in the roster, so uncommon. His SC level is
         * not among the exposed fields, so it does not count; his name makes the covert role findable.
         */
        @Test
        void aCovertOfficerWhoseNameLeakedIsVeryHigh() {
            IncidentPerson p = run.person("MP002959");
            assertPerson(p, 4, 0.75, cb(0.5, 0.5), 4.0, Band.VERY_HIGH, List.of(
                    NAME_RANK_PAY_BASE,
                    OFFICER,
                    "Covert role with name exposed: DPC set to 4 (ENISA: list of undercover officers)",
                    "Uncommon name exposed: fairly easy to identify (EI 0.75)",
                    CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 4 x EI 0.75 + CB 1.0 = 4.0: band VERY_HIGH"));
            assertOneWaitingNotice(p, Band.VERY_HIGH, ContactChannel.IN_PERSON, 2);
        }

        /**
         * MP002641, Craig Wells: a Superintendent holding SC, the five ID-card fields; Wells is held by 4 (rare).
         * The distinctive-name step takes him to 2 and the SC floor to 3: he is VERY_HIGH with a common name too.
         */
        @Test
        void anScHolderWhoseLevelLeakedIsVeryHigh() {
            IncidentPerson p = run.person("MP002641");
            assertPerson(p, 3, 1.0, cb(0.5, 0.5), 4.0, Band.VERY_HIGH, List.of(
                    ID_CARD_BASE, OFFICER, RARE_NAME_WITH_RANK_AND_PHOTO,
                    "Vetting level SC exposed, which reveals a sensitive post: DPC raised to 3",
                    RARE_NAME,
                    CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 3 x EI 1.0 + CB 1.0 = 4.0: band VERY_HIGH"));
            // He prefers letters; VERY_HIGH is contacted in person, never less personally than the policy says.
            assertOneWaitingNotice(p, Band.VERY_HIGH, ContactChannel.IN_PERSON, 2);
        }

        /**
         * MP000878, Lucy Williams (README's example): a professional-standards Constable holding SC,
         * listed with the five ID-card fields and no echoes. Williams is common.
         */
        @Test
        void aProfessionalStandardsOfficerWithScIsVeryHigh() {
            IncidentPerson p = run.person("MP000878");
            assertPerson(p, 3, 1.0, cb(0.5, 0.5), 4.0, Band.VERY_HIGH, List.of(
                    ID_CARD_BASE, OFFICER,
                    "Professional standards role with name and photo exposed: these officers investigate colleagues"
                            + " and criminals: DPC +1 to 2.5",
                    "Vetting level SC exposed, which reveals a sensitive post: DPC raised to 3",
                    "Common name exposed: hard to pin on one person (EI 0.5)",
                    NAME_WITH_PHOTO,
                    CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 3 x EI 1.0 + CB 1.0 = 4.0: band VERY_HIGH"));
        }

        /**
         * MP001747, Lauren Warren, and MP001653, Charlotte Jones: two Constables with RV vetting and no
         * role flags, each listed once with the five ID-card fields. Warren is held by 3 people in the
         * roster (rare), Jones by 64 (common). The photo already gives both EI 1.0, so only the
         * distinctive-name step tells them apart: Warren is HIGH and gets an Art. 34 letter, Jones is MEDIUM.
         */
        @Test
        void aRareNamedConstableIsABandAboveACommonNamedOneWithTheSameFields() {
            IncidentPerson rare = run.person("MP001747");
            assertPerson(rare, 2, 1.0, cb(0.5, 0.5), 3.0, Band.HIGH, List.of(
                    ID_CARD_BASE, OFFICER, RARE_NAME_WITH_RANK_AND_PHOTO, RARE_NAME, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 2 x EI 1.0 + CB 1.0 = 3.0: band HIGH"));
            assertOneWaitingNotice(rare, Band.HIGH, ContactChannel.LETTER, 1);

            IncidentPerson common = run.person("MP001653");
            assertEquals(rare.exposed(), common.exposed(), "the same fields leaked");
            assertPerson(common, 1.5, 1.0, cb(0.5, 0.5), 2.5, Band.MEDIUM, List.of(
                    ID_CARD_BASE, OFFICER, "Common name exposed: hard to pin on one person (EI 0.5)", NAME_WITH_PHOTO,
                    CB_UNKNOWN, CB_MALICIOUS, "Severity = DPC 1.5 x EI 1.0 + CB 1.0 = 2.5: band MEDIUM"));
        }

        /**
         * MP000670, Sarah Froblemore: a Constable with RV vetting listed with name;rank;pay_number, no photo.
         * Froblemore is held by her alone (unique), so the name already gives EI 1.0; the step still counts
         * what the rank ties it to, and she is HIGH where a common-named Constable with these fields is LOW
         * (1.5 x 0.5 + 1.0 = 1.75). She prefers the phone, more personal than HIGH's letter.
         */
        @Test
        void aUniqueNamedConstableWithoutAPhotoIsHigh() {
            IncidentPerson p = run.person("MP000670");
            assertPerson(p, 2, 1.0, cb(0.5, 0.5), 3.0, Band.HIGH, List.of(
                    NAME_RANK_PAY_BASE,
                    OFFICER,
                    "Unique name exposed with rank, which ties" + FINDABLE_AS_POLICE,
                    "Unique name exposed: it identifies the person outright (EI 1.0)",
                    CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 2 x EI 1.0 + CB 1.0 = 3.0: band HIGH"));
            assertOneWaitingNotice(p, Band.HIGH, ContactChannel.PHONE, 1);
        }

        /**
         * The point of the distinctive-name step, over the whole first list: every officer, special or
         * PCSO with a rare or unique name whose name, rank and photo leaked is at least one band above
         * what the same record with a common name gets, unless that is already VERY_HIGH (there is no
         * band above). Without the step the photo gives both EI 1.0 and they tie, so this fails.
         */
        @Test
        void everyRareOrUniqueNamedOfficerWithNameRankAndPhotoIsABandAboveTheCommonNamedSame() {
            SeverityScorer scorer = new SeverityScorer(POLICY);
            Set<DataCategory> idCard = Set.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO);
            List<String> lifted = new ArrayList<>();
            for (Rescoring.Expected e : expected.values()) {
                StaffMember m = e.member();
                if (m == null || !isPolice(m.staffType()) || !e.exposed().containsAll(idCard)
                        || (m.nameRarity() != NameRarity.RARE && m.nameRarity() != NameRarity.UNIQUE)) {
                    continue;
                }
                ScoringInput in = e.input();
                Band common = scorer.assess(new ScoringInput(in.exposed(), withRarity(m, NameRarity.COMMON),
                        in.echoedRank(), in.echoedVettingLevel(), in.incident())).band();
                assertTrue(common == Band.VERY_HIGH || e.band().compareTo(common) > 0,
                        e.payNumber() + " is " + e.band() + ", the same with a common name " + common);
                assertTrue(e.assessment().reasons().stream().anyMatch(r -> r.contains(FINDABLE_AS_POLICE.substring(0, 60))),
                        e.payNumber() + " says why: " + e.assessment().reasons());
                lifted.add(e.payNumber());
            }
            assertTrue(lifted.size() > 100, "the sample has hundreds of such officers: " + lifted.size());
        }

        /** MP000679, a member of police staff listed with nothing but the pay number. */
        @Test
        void aPayNumberOnlyPersonIsLow() {
            IncidentPerson p = run.person("MP000679");
            assertPerson(p, 1, 0.25, cb(0.5, 0.5), 1.25, Band.LOW, List.of(
                    PAY_NUMBER_ONLY_BASE, INTERNAL_ONLY, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 1 x EI 0.25 + CB 1.0 = 1.25: band LOW"));
            assertEquals(List.of(), p.notices());
        }

        /**
         * MP000371: a covert officer (DV) listed with the pay number only. The covert rule is considered
         * and deliberately not applied, and the reasons say so: nothing ties the role to a findable person.
         */
        @Test
        void aCovertOfficerListedByPayNumberOnlyIsLowAndTheReasonsSayWhy() {
            IncidentPerson p = run.person("MP000371");
            assertPerson(p, 1, 0.25, cb(0.5, 0.5), 1.25, Band.LOW, List.of(
                    PAY_NUMBER_ONLY_BASE,
                    "Covert role, but no name, photo or home address exposed: the role is not tied to a findable"
                            + " person, so DPC is not raised for it",
                    INTERNAL_ONLY, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 1 x EI 0.25 + CB 1.0 = 1.25: band LOW"));
            assertEquals(List.of(), p.notices());
        }

        /**
         * MP003001: not in the roster; the row echoes "Sergeant" and "NPPV2A". The sample has no unmatched
         * row echoing MV, SC or DV (its 25 leavers echo RV, NPPV, CTC or nothing), so this is the closest
         * real one: the rank echo makes them an officer, NPPV2A is recognised and raises nothing. The
         * "SC cleared" case is {@link #anUnmatchedRowEchoingScClearedIsHigh}, on a fixture of its own.
         */
        @Test
        void anUnmatchedPersonIsScoredFromTheEchoes() {
            IncidentPerson p = run.person("MP003001");
            assertFalse(p.matched());
            assertPerson(p, 1.5, 1.0, cb(0.5, 0.5), 2.5, Band.MEDIUM, List.of(
                    ID_CARD_BASE, UNMATCHED_OFFICER, UNMATCHED_NAME, NAME_WITH_PHOTO, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 1.5 x EI 1.0 + CB 1.0 = 2.5: band MEDIUM"));
            assertEquals("Sergeant", p.manifest(run.cases.get(0).caseId()).orElseThrow().echoedRank());
            assertEquals("NPPV2A", p.manifest(run.cases.get(0).caseId()).orElseThrow().echoedVettingLevel());
            // MEDIUM: an information notice (not Art. 34) by e-mail, released at once and out by the run's end.
            assertEquals(1, p.notices().size(), p.notices().toString());
            PersonNotice info = p.notices().get(0);
            assertEquals(List.of(NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "info-medium-v1", false,
                    NoticeState.PUBLISHED), List.of(info.kind(), info.band(), info.channel(), info.templateId(),
                    info.art34(), info.state()));
        }

        /**
         * MP000292, Anthony Thomas, a Constable listed twice: row 677 with the five ID-card fields (alone:
         * 1.5 x 1.0 + 1.0 = 2.5, MEDIUM, an information notice), row 1064 adding the home address. Rows 677 and 1064
         * are in batches 6 and 10, so the second batch widens the record the first one wrote.
         */
        @Test
        void aPersonListedTwiceIsOnePersonOnTheUnionOfBothRows() {
            IncidentPerson p = run.person("MP000292");
            assertEquals(Set.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO, DataCategory.VETTING_LEVEL,
                    DataCategory.PAY_NUMBER, DataCategory.HOME_ADDRESS), p.exposed());
            assertPerson(p, 2.5, 1.0, cb(0.5, 0.5), 3.5, Band.HIGH, List.of(
                    "Simple data is the most serious type exposed (name, rank, photo, vetting level, pay number,"
                            + " home address): DPC starts at 1",
                    OFFICER,
                    "Home address exposed: it lets someone find a police employee at home: DPC +1 to 2.5",
                    "Common name exposed: hard to pin on one person (EI 0.5)",
                    NAME_WITH_PHOTO, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 2.5 x EI 1.0 + CB 1.0 = 3.5: band HIGH"));
            assertEquals(2, p.changes().size(), "written by batch 6, widened by batch 10");
            assertEquals(List.of(6L, 10L), p.changes().stream().map(c -> c.batchNo()).toList());
            // Batch 6 planned MEDIUM's information notice, released at once but not yet out when batch 10 ran
            // (the release step follows the manifest's batches): batch 10 withdrew it for the HIGH notice.
            assertEquals(2, p.notices().size(), p.notices().toString());
            PersonNotice medium = p.notices().get(0);
            PersonNotice high = p.notices().get(1);
            assertEquals(List.of(NoticeKind.INITIAL, Band.MEDIUM, 6L, NoticeState.WITHDRAWN, high.noticeId()),
                    List.of(medium.kind(), medium.band(), medium.batchNo(), medium.state(), medium.withdrawnBy()));
            assertEquals(List.of(NoticeKind.INITIAL, Band.HIGH, ContactChannel.LETTER, 10L, NoticeState.PLANNED, 1),
                    List.of(high.kind(), high.band(), high.channel(), high.batchNo(), high.state(), high.approvalsNeeded()));
        }

        /**
         * The closest the sample comes to an unmatched row echoing "SC cleared" is MP003001 above, so
         * this is a fixture of its own, the worked example in docs/scoring.md: a pay number on no
         * roster, name and vetting level exposed, the manifest echoing "SC cleared". The echo is a copy
         * of the leaked value, so it counts: DPC 3, EI 0.75 (rarity unknown), 3.25, HIGH.
         */
        @Test
        void anUnmatchedRowEchoingScClearedIsHigh() throws IOException {
            String key = "manifests/golden/sc-cleared.csv";
            InMemoryObjectStore objects = (InMemoryObjectStore) run.harness.backend().objects();
            objects.put(key, ("pay_number,exposed_fields,surname,forename,rank,vetting_level\n"
                    + "GOLDEN-SC-1,name;vetting_level,Example,Pat,,SC cleared\n").getBytes(StandardCharsets.UTF_8),
                    "text/csv", Map.of());
            objects.put(key + SampleFiles.SIDECAR_SUFFIX, ScenarioHarness.incident("INC-GOLDEN-SC-ECHO",
                    ScenarioHarness.AWARE_AT).getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
            CaseRecord c = run.harness.runManifest(key);

            IncidentPerson p = run.persons.find(c.incidentId(), "GOLDEN-SC-1").orElseThrow();
            assertFalse(p.matched());
            assertPerson(p, 3, 0.75, cb(0.5, 0.5), 3.25, Band.HIGH, List.of(
                    "Simple data is the most serious type exposed (name, vetting level): DPC starts at 1",
                    "Vetting level SC exposed (as echoed in the manifest), which reveals a sensitive post: DPC raised to 3",
                    UNMATCHED_NAME, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 3 x EI 0.75 + CB 1.0 = 3.25: band HIGH"));
            assertOneWaitingNotice(p, Band.HIGH, ContactChannel.LETTER, 1);
            assertEquals(SampleGoldens.bands(0, 0, 1, 0), RunSummary.of(c, CaseNotices.NONE, 0).bands());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BothListsOfTheIncident {
        private Run run;
        private Map<String, Rescoring.Expected> expected;
        private List<Rescoring.ExpectedNotice> notices;

        @BeforeAll
        void runIt() throws IOException {
            run = new Run(SampleFiles.MET_ID_CARD, SampleFiles.MET_ID_CARD_LATER);
            List<Rescoring.Listing> listings = List.of(
                    new Rescoring.Listing(SampleGoldens.MET_INCIDENT, SampleFiles.read(SampleFiles.MET_ID_CARD).accepted()),
                    new Rescoring.Listing(SampleGoldens.MET_LATER_INCIDENT,
                            SampleFiles.read(SampleFiles.MET_ID_CARD_LATER).accepted()));
            expected = Rescoring.of(POLICY, SampleFiles.roster(), listings);
            notices = Rescoring.notices(POLICY, SampleFiles.roster(), listings, RowBatch.MAX_ROWS);
        }

        @Test
        void theNoticeGoldensAreWhatThePolicyPlansFromTheInputs() {
            List<Rescoring.ExpectedNotice> later = notices.stream().filter(n -> n.listing() == 1).toList();
            assertEquals(SampleGoldens.Notices.LATER_PLANNED, later.size());
            assertEquals(SampleGoldens.Notices.LATER_PLANNED, count(later, Rescoring.Standing.AWAITING_RELEASE),
                    "the later list lifts people to HIGH or above only: all wait");
            assertEquals(SampleGoldens.Notices.LATER_ESCALATION, later.stream()
                    .filter(n -> n.kind() == NoticeKind.ESCALATION).count());
            assertEquals(SampleGoldens.Notices.INCIDENT_WITHDRAWN, count(notices, Rescoring.Standing.WITHDRAWN));
            assertEquals(SampleGoldens.Notices.INCIDENT_PUBLISHED_INITIAL, notices.stream()
                    .filter(n -> n.standing() == Rescoring.Standing.PUBLISHED && n.kind() == NoticeKind.INITIAL).count());
            assertEquals(SampleGoldens.Notices.INCIDENT_AWAITING_HIGH, awaiting(notices, Band.HIGH));
            assertEquals(SampleGoldens.Notices.INCIDENT_AWAITING_VERY_HIGH, awaiting(notices, Band.VERY_HIGH));
            assertEquals(SampleGoldens.Notices.INCIDENT_GENERAL_ONLY, expected.keySet().stream()
                    .filter(pay -> notices.stream().noneMatch(n -> n.payNumber().equals(pay)
                            && n.standing() != Rescoring.Standing.WITHDRAWN)).count());
        }

        @Test
        void everyStoredPersonHasTheNoticesThePolicyPlansForThem() {
            assertStoredNoticesAsPlanned(run, notices);
        }

        @Test
        void theGoldenFiguresAreWhatTheInputsGive() {
            assertEquals(SampleGoldens.INCIDENT_PEOPLE, expected.size());
            assertEquals(SampleGoldens.INCIDENT_MATCHED, expected.values().stream().filter(Rescoring.Expected::matched).count());
            assertEquals(SampleGoldens.INCIDENT_BANDS, Rescoring.bandTable(expected.values()));
            assertEquals(SampleGoldens.INCIDENT_ART34, Rescoring.art34Required(expected.values()));
        }

        @Test
        void theIncidentCountsEachPersonOnceInTheGoldenBandTable() {
            assertEquals(1, run.cases.stream().map(CaseRecord::incidentId).distinct().count(), "one incident");
            IncidentView view = run.harness.view(run.cases.get(0).incidentId());
            assertEquals(new IncidentView.Persons(SampleGoldens.INCIDENT_PEOPLE, SampleGoldens.INCIDENT_MATCHED,
                    SampleGoldens.INCIDENT_UNMATCHED, 0), view.persons());
            assertEquals(SampleGoldens.INCIDENT_BANDS, view.bands());
            assertEquals(new IncidentView.Notices(SampleGoldens.Notices.INCIDENT_PUBLISHED_INITIAL, 0,
                    SampleGoldens.bands(0, 0, SampleGoldens.Notices.INCIDENT_AWAITING_HIGH,
                            SampleGoldens.Notices.INCIDENT_AWAITING_VERY_HIGH), 0,
                    SampleGoldens.Notices.INCIDENT_GENERAL_ONLY, 0, SampleGoldens.Notices.INCIDENT_WITHDRAWN,
                    view.notices().generalCommunicationSentAt()), view.notices());
            RunSummary later = run.summary(1);
            assertEquals(new RunSummary.Rows(SampleGoldens.LATER_ROWS, SampleGoldens.LATER_ROWS, 0), later.rows());
            assertEquals(SampleGoldens.LATER_UNMATCHED, later.persons().unmatched());
            assertEquals(new RunSummary.Notices(SampleGoldens.Notices.LATER_PLANNED, 0, 0, SampleGoldens.Notices.LATER_PLANNED,
                    0, 0, 0), later.notices());
        }

        @Test
        void everyStoredPersonIsWhatTheScorerMakesOfEverythingEitherListSaid() {
            Map<String, IncidentPerson> people = run.people();
            assertEquals(expected.keySet(), people.keySet());
            for (Rescoring.Expected e : expected.values()) {
                IncidentPerson stored = people.get(e.payNumber());
                assertEquals(e.assessment(), stored.assessment(), e.payNumber());
                assertToldAsThePolicySays(e, stored);
            }
        }

        /** MP003001 again: the later list adds the home address, and the leaver rises to HIGH and is told. */
        @Test
        void theLaterListLiftsTheUnmatchedSergeantToHigh() {
            IncidentPerson p = run.person("MP003001");
            assertPerson(p, 2.5, 1.0, cb(0.5, 0.5), 3.5, Band.HIGH, List.of(
                    "Simple data is the most serious type exposed (name, rank, photo, vetting level, pay number,"
                            + " home address): DPC starts at 1",
                    UNMATCHED_OFFICER,
                    "Home address exposed: it lets someone find a police employee at home: DPC +1 to 2.5",
                    UNMATCHED_NAME, NAME_WITH_PHOTO, CB_UNKNOWN, CB_MALICIOUS,
                    "Severity = DPC 2.5 x EI 1.0 + CB 1.0 = 3.5: band HIGH"));
            // The first list's MEDIUM information notice went out (no preference known: e-mail); the rise to
            // HIGH is an escalation, waiting for one approver.
            assertEquals(2, p.notices().size(), p.notices().toString());
            PersonNotice first = p.notices().get(0);
            PersonNotice notice = p.notices().get(1);
            assertEquals(List.of(NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, run.cases.get(0).caseId(),
                    NoticeState.PUBLISHED), List.of(first.kind(), first.band(), first.channel(), first.caseId(), first.state()));
            assertEquals(List.of(NoticeKind.ESCALATION, Band.HIGH, ContactChannel.LETTER, NoticeState.PLANNED, 1),
                    List.of(notice.kind(), notice.band(), notice.channel(), notice.state(), notice.approvalsNeeded()));
            assertEquals(run.cases.get(1).caseId(), notice.caseId(), "planned by the later list's batch");
            assertEquals(Band.MEDIUM, p.manifest(run.cases.get(0).caseId()).orElseThrow().band(), "the first list alone");
        }
    }

    /** The manifest with bad rows, run alone: its rejects, and its notices as the policy plans them from its rows. */
    @Test
    void theManifestWithErrorsRejectsItsFourRowsAndPlansTheGoldenNotices() throws IOException {
        Run run = new Run(SampleFiles.WITH_ERRORS);
        SampleFiles.Read read = SampleFiles.read(SampleFiles.WITH_ERRORS);
        List<Rescoring.ExpectedNotice> notices = Rescoring.notices(POLICY, SampleFiles.roster(),
                List.of(new Rescoring.Listing(SampleGoldens.WITH_ERRORS_INCIDENT, read.accepted())), RowBatch.MAX_ROWS);
        assertEquals(SampleGoldens.WITH_ERRORS_REJECTED, read.rejected().size());
        assertEquals(SampleGoldens.Notices.WITH_ERRORS_PUBLISHED, count(notices, Rescoring.Standing.PUBLISHED));
        assertEquals(SampleGoldens.Notices.WITH_ERRORS_AWAITING_RELEASE, count(notices, Rescoring.Standing.AWAITING_RELEASE));
        assertEquals(0, count(notices, Rescoring.Standing.WITHDRAWN), "nobody rises within the file");

        RunSummary summary = run.summary(0);
        assertEquals(SampleGoldens.WITH_ERRORS_REJECTED, summary.rows().rejected());
        assertEquals(new RunSummary.Notices(SampleGoldens.Notices.WITH_ERRORS_PUBLISHED
                + SampleGoldens.Notices.WITH_ERRORS_AWAITING_RELEASE, SampleGoldens.Notices.WITH_ERRORS_PUBLISHED, 0,
                SampleGoldens.Notices.WITH_ERRORS_AWAITING_RELEASE, 0, 0, 0), summary.notices());
        assertStoredNoticesAsPlanned(run, notices);
    }

    private static boolean isPolice(StaffType type) {
        return type == StaffType.OFFICER || type == StaffType.SPECIAL || type == StaffType.PCSO;
    }

    private static StaffMember withRarity(StaffMember m, NameRarity rarity) {
        return new StaffMember(m.payNumber(), m.forename(), m.surname(), m.staffType(), m.rank(), m.unit(), m.roleFlags(),
                m.vettingLevel(), m.contactChannel(), m.association(), m.force(), rarity);
    }

    private static CircumstancesOfBreach cb(double confidentiality, double malicious) {
        return new CircumstancesOfBreach(confidentiality, 0, 0, malicious);
    }

    private static void assertPerson(IncidentPerson p, double dpc, double ei, CircumstancesOfBreach cb, double score,
                                     Band band, List<String> reasons) {
        assertEquals(reasons, p.assessment().reasons(), p.payNumber() + " reasons");
        assertEquals(dpc, p.assessment().dpc(), p.payNumber() + " DPC");
        assertEquals(ei, p.assessment().ei(), p.payNumber() + " EI");
        assertEquals(cb, p.assessment().cb(), p.payNumber() + " CB");
        assertEquals(score, p.assessment().score(), p.payNumber() + " score");
        assertEquals(band, p.band(), p.payNumber() + " band");
    }

    /** One initial Art. 34 notice, waiting for {@code approvals} approvers (the release step publishes it later). */
    private static PersonNotice assertOneWaitingNotice(IncidentPerson p, Band band, ContactChannel channel, int approvals) {
        assertEquals(1, p.notices().size(), p.payNumber() + " notices: " + p.notices());
        PersonNotice notice = p.notices().get(0);
        assertEquals(NoticeKind.INITIAL, notice.kind());
        assertEquals(band, notice.band());
        assertEquals(channel, notice.channel());
        assertTrue(notice.art34(), "an Art. 34 notice");
        assertEquals(NoticeState.PLANNED, notice.state(), "waiting for release");
        assertEquals(approvals, notice.approvalsNeeded());
        return notice;
    }

    /** Every stored person's notices are, in order, the kind, band, listing and standing the policy plans for them. */
    private static void assertStoredNoticesAsPlanned(Run run, List<Rescoring.ExpectedNotice> planned) {
        Map<String, List<List<Object>>> expectedByPerson = new java.util.HashMap<>();
        for (Rescoring.ExpectedNotice n : planned) {
            expectedByPerson.computeIfAbsent(n.payNumber(), x -> new ArrayList<>()).add(List.of(n.kind(), n.band(),
                    run.cases.get(n.listing()).caseId(), n.standing()));
        }
        run.people().forEach((pay, p) -> assertEquals(expectedByPerson.getOrDefault(pay, List.of()),
                p.notices().stream().map(n -> (List<Object>) List.<Object>of(n.kind(), n.band(), n.caseId(), standing(n)))
                        .toList(), pay));
    }

    private static Rescoring.Standing standing(PersonNotice n) {
        return n.published() ? Rescoring.Standing.PUBLISHED : n.withdrawn() ? Rescoring.Standing.WITHDRAWN
                : n.awaitingRelease() ? Rescoring.Standing.AWAITING_RELEASE : null;
    }

    private static long count(List<Rescoring.ExpectedNotice> notices, Rescoring.Standing standing) {
        return notices.stream().filter(n -> n.standing() == standing).count();
    }

    private static long awaiting(List<Rescoring.ExpectedNotice> notices, Band band) {
        return notices.stream().filter(n -> n.standing() == Rescoring.Standing.AWAITING_RELEASE && n.band() == band).count();
    }

    /** A live notice exactly when the policy sends the person's band one, and then for that band. */
    private static void assertToldAsThePolicySays(Rescoring.Expected e, IncidentPerson stored) {
        assertEquals(e.decision().sendsNotice(), stored.toldBand() != null,
                e.payNumber() + ": a notice exactly when the policy sends their band one");
        if (e.decision().sendsNotice()) {
            assertEquals(e.band(), stored.toldBand(), e.payNumber() + ": their live notice is for their band");
        }
    }

}
