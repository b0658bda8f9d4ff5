package org.breachtriage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseOpening;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonLedger;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.pipeline.ScoreService.BatchOutcome;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.DelegatingPersonStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.breachtriage.core.testing.RecordingReleaseRequests;
import org.breachtriage.core.testing.RecordingReportRequests;
import org.breachtriage.core.release.ReleaseRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link ScoreService} on core's in-memory fakes, one batch at a time: what reaches the scorer (the
 * staff record, the echoes, the incident's circumstances), the exact counters each batch adds to its
 * case, the notices it plans and publishes, and its refusals. Every expected figure is worked out
 * here from the row, the staff record and the incident, following docs/scoring.md. A case counts
 * the people its manifest named by band and matched or not; staff type × band and the categories are
 * the incident's figures ({@link Counters#incident}).
 */
class ScoreServiceTest {
    private static final String FORCE = "Metropolitan Police Service";
    private static final Instant NOW = Instant.parse("2023-08-24T10:00:00Z");
    private static final ScoringPolicy POLICY = ScoringPolicy.loadDefault();
    /** The Met case: malicious, unknown recipients, CB 1.0; rows without fields take the five ID-card fields. */
    private static final IncidentMetadata MALICIOUS = new IncidentMetadata("Acme ID Cards Ltd (synthetic)",
            "INC-SCORE-SERVICE", NOW.minusSeconds(3600), true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE,
            Availability.NONE, EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO,
            DataCategory.VETTING_LEVEL, DataCategory.PAY_NUMBER), List.of());

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryStaff staff = new InMemoryStaff();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore();
    private final InMemoryPersonStore persons = new InMemoryPersonStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingReportRequests reports = new RecordingReportRequests();
    private final RecordingReleaseRequests releases = new RecordingReleaseRequests();
    private final CaseLifecycle lifecycle = new CaseLifecycle(cases, publisher, reports, clock);
    private final IncidentService incidents = new IncidentService(incidentStore, clock);

    private ScoreService service(PersonStore store) {
        return service(incidentStore, store);
    }

    private ScoreService service(IncidentStore incidentsRead, PersonStore store) {
        return new ScoreService(staff, cases, incidentsRead, store, lifecycle, releases,
                new PersonLedger(new SeverityScorer(POLICY), POLICY, clock));
    }

    private final ScoreService service = service(persons);

    // --- what reaches the scorer --------------------------------------------------------------

    /** Covert, SC, common name; name, rank and photo leaked: DPC 4 (covert made findable), EI 1.0, CB 1.0. */
    @Test
    void aMatchedCovertOfficerIsScoredOnTheirStaffRecordAndToldInPerson() {
        staff.putAll(List.of(officer("SS-COVERT", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON)));
        CaseRecord c = openCase("covert.csv", MALICIOUS, 1);

        BatchOutcome outcome = service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-COVERT", "name;rank;photo"))));

        // One notice planned; VERY_HIGH waits for two approvers, so no release is asked for.
        assertEquals(new BatchOutcome(c.caseId(), 0, 1, 1, 0, false, true), outcome);
        IncidentPerson p = person(c, "SS-COVERT");
        assertTrue(p.matched());
        assertEquals(StaffType.OFFICER, p.staffType());
        assertEquals(List.of(
                "Simple data is the most serious type exposed (name, rank, photo): DPC starts at 1",
                "Police officer whose rank was exposed (ENISA: special characteristics of the individual): DPC +0.5 to 1.5",
                "Covert role with name and photo exposed: DPC set to 4 (ENISA: list of undercover officers)",
                "Common name exposed: hard to pin on one person (EI 0.5)",
                "Name exposed with photo: the face confirms who the name belongs to (EI 1.0)",
                "Unknown recipients, so the data may be in anyone's hands: CB +0.5",
                "Malicious breach (a deliberate attack or theft): CB +0.5",
                "Severity = DPC 4 x EI 1.0 + CB 1.0 = 5.0: band VERY_HIGH"), p.assessment().reasons());
        assertEquals(5.0, p.assessment().score());
        assertPlannedOnce(c, p, Band.VERY_HIGH, ContactChannel.IN_PERSON, "art34-very-high-v1", true, 2);
        assertEquals(List.of(), releases.requested(), "nothing released at once");
        assertEquals(counters(
                Counters.BATCHES_DONE, 1,
                Counters.PERSONS_TOTAL, 1, Counters.PERSONS_MATCHED, 1,
                Counters.band(Band.VERY_HIGH), 1,
                Counters.NOTICES_PLANNED, 1,
                incident(Counters.PERSONS_TOTAL), 1, incident(Counters.PERSONS_MATCHED), 1,
                incident(Counters.band(Band.VERY_HIGH)), 1,
                incident(Counters.staffTypeBand(StaffType.OFFICER, Band.VERY_HIGH)), 1,
                incident(Counters.category(DataCategory.NAME)), 1, incident(Counters.category(DataCategory.RANK)), 1,
                incident(Counters.category(DataCategory.PHOTO)), 1,
                incident(Counters.notices("initial")), 1), batchCounters(c));
        assertEquals(CaseStatus.SCORED, cases.find(c.caseId()).orElseThrow().status(), "its only batch");
        assertEquals(List.of(c.caseId()), reports.requested());
    }

    /**
     * Not in the staff table; name and vetting level leaked, the manifest echoing " SC cleared " (blanks
     * around it). The echo is the leaked value, so it counts: DPC 3, EI 0.75 (rarity unknown), 3.25 HIGH.
     * A blank rank echo is no rank, so no officer step.
     */
    @Test
    void anUnmatchedRowEchoingAVettingLevelIsScoredFromTheEcho() {
        CaseRecord c = openCase("leaver.csv", MALICIOUS, 1);
        ManifestRow echoing = new ManifestRow(1, "SS-LEAVER", EnumSet.of(DataCategory.NAME, DataCategory.VETTING_LEVEL),
                "Example", "Pat", "   ", " SC cleared ");

        service.score(command(batch(c, 0, MALICIOUS, echoing)));

        IncidentPerson p = person(c, "SS-LEAVER");
        assertFalse(p.matched());
        assertEquals("SC cleared", p.manifest(c.caseId()).orElseThrow().echoedVettingLevel(), "trimmed");
        assertEquals(null, p.manifest(c.caseId()).orElseThrow().echoedRank(), "blank is no echo");
        assertEquals(List.of(
                "Simple data is the most serious type exposed (name, vetting level): DPC starts at 1",
                "Vetting level SC exposed (as echoed in the manifest), which reveals a sensitive post: DPC raised to 3",
                "Name exposed for a person not in the staff table, so how rare the name is is unknown: assumed"
                        + " uncommon (EI 0.75)",
                "Unknown recipients, so the data may be in anyone's hands: CB +0.5",
                "Malicious breach (a deliberate attack or theft): CB +0.5",
                "Severity = DPC 3 x EI 0.75 + CB 1.0 = 3.25: band HIGH"), p.assessment().reasons());
        assertPlannedOnce(c, p, Band.HIGH, ContactChannel.LETTER, "art34-high-v1", true, 1);
        assertEquals(1, batchCounters(c).get(Counters.PERSONS_UNMATCHED));
        assertEquals(1, batchCounters(c).get(incident(Counters.staffTypeBand(null, Band.HIGH))), "staff type unknown");
        assertEquals(null, batchCounters(c).get(Counters.PERSONS_MATCHED));
    }

    /**
     * Known recipients, altered but recoverable, permanently lost, not malicious: CB 0.25 + 0.25 + 0.5.
     * Police staff, pay number only: DPC 1 x EI 0.25 + CB 1.0 = 1.25, LOW, nobody told.
     */
    @Test
    void theIncidentsCircumstancesReachCb() {
        IncidentMetadata mild = new IncidentMetadata("Lanyard Print Co (synthetic)", "INC-SCORE-CB", NOW, false,
                Confidentiality.KNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.PERMANENT,
                EnumSet.of(DataCategory.PAY_NUMBER), List.of());
        staff.putAll(List.of(policeStaff("SS-STAFF")));
        CaseRecord c = openCase("mild.csv", mild, 1);

        BatchOutcome outcome = service.score(command(batch(c, 0, mild, row(1, "SS-STAFF", ""))));

        IncidentPerson p = person(c, "SS-STAFF");
        assertEquals(new CircumstancesOfBreach(0.25, 0.25, 0.5, 0), p.assessment().cb());
        assertEquals(List.of(
                "Simple data is the most serious type exposed (pay number): DPC starts at 1",
                "No name, photo, home address or contact details exposed, only internal or shared details such as a"
                        + " pay number: hard to link to a person (EI 0.25)",
                "Known recipients only: CB +0.25",
                "Data altered but recoverable: CB +0.25",
                "Data permanently lost: CB +0.5",
                "Severity = DPC 1 x EI 0.25 + CB 1.0 = 1.25: band LOW"), p.assessment().reasons());
        assertEquals(Set.of(DataCategory.PAY_NUMBER), p.exposed(), "the row named no fields: the incident's default");
        assertEquals(0, outcome.noticesPlanned());
        assertEquals(List.of(), p.notices(), "LOW: the general staff communication covers them");
        assertEquals(List.of(), releases.requested());
        assertEquals(List.of(), publisher.on(Topic.NOTICES));
    }

    // --- one person, several rows -------------------------------------------------------------

    /** Two rows of one leaver in a batch: the first echo given counts, and a later row fills in a missing one. */
    @Test
    void rowsOfOnePersonInABatchKeepTheFirstEchoAndFillInAMissingOne() {
        CaseRecord c = openCase("echoes.csv", MALICIOUS, 1);
        ManifestRow first = new ManifestRow(1, "SS-ECHO", EnumSet.of(DataCategory.NAME), null, null, "Sergeant", null);
        ManifestRow second = new ManifestRow(2, "SS-ECHO", EnumSet.of(DataCategory.VETTING_LEVEL), null, null, "Inspector", "DV");

        service.score(command(batch(c, 0, MALICIOUS, first, second)));

        IncidentPerson p = person(c, "SS-ECHO");
        assertEquals("Sergeant", p.manifest(c.caseId()).orElseThrow().echoedRank());
        assertEquals("DV", p.manifest(c.caseId()).orElseThrow().echoedVettingLevel());
        assertEquals(3.0, p.assessment().dpc(), "DV echoed: raised to 3");
    }

    /**
     * Police staff, common name. Alone, the pay number is LOW (1.25). With name, photo and home address
     * too: DPC 1 + 1 (home address) = 2, EI 1.0 (name with photo), CB 1.0: 3.0, HIGH. In one batch the
     * rows are one person from the start: nobody is ever counted LOW.
     */
    @Test
    void aPayNumberRepeatedInOneBatchIsOnePersonOnTheUnion() {
        staff.putAll(List.of(policeStaff("SS-TWICE")));
        CaseRecord c = openCase("twice.csv", MALICIOUS, 2);

        BatchOutcome outcome = service.score(command(batch(c, 0, MALICIOUS,
                row(1, "SS-TWICE", "pay_number"), row(2, "SS-OTHER", "pay_number"),
                row(3, "SS-TWICE", "name;photo;home_address"))));

        assertEquals(2, outcome.persons());
        IncidentPerson p = person(c, "SS-TWICE");
        assertEquals(EnumSet.of(DataCategory.PAY_NUMBER, DataCategory.NAME, DataCategory.PHOTO, DataCategory.HOME_ADDRESS),
                p.exposed());
        assertEquals(3.0, p.assessment().score());
        assertEquals(1, p.changes().size());
        Map<String, Long> counted = batchCounters(c);
        assertEquals(2, counted.get(Counters.PERSONS_TOTAL));
        assertEquals(1, counted.get(Counters.band(Band.HIGH)));
        assertEquals(1, counted.get(Counters.band(Band.LOW)), "SS-OTHER only");
        assertEquals(1, counted.get(Counters.NOTICES_PLANNED), "SS-TWICE's HIGH notice; none for SS-OTHER, LOW");
    }

    /**
     * The same person in two batches: the first counts them LOW, the second moves them to HIGH, and the
     * counters move by exactly that (LOW -1, HIGH +1, the new categories +1), with one notice, at HIGH.
     * A re-delivered second batch adds nothing and sends nothing.
     */
    @Test
    void aRepeatedPayNumberInALaterBatchMovesTheCountersByExactlyTheChange() {
        staff.putAll(List.of(policeStaff("SS-LATER")));
        CaseRecord c = openCase("later.csv", MALICIOUS, 3);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-LATER", "pay_number"))));
        Map<String, Long> afterFirst = batchCounters(c);
        assertEquals(counters(Counters.BATCHES_DONE, 1, Counters.PERSONS_TOTAL, 1, Counters.PERSONS_MATCHED, 1,
                Counters.band(Band.LOW), 1,
                incident(Counters.PERSONS_TOTAL), 1, incident(Counters.PERSONS_MATCHED), 1,
                incident(Counters.band(Band.LOW)), 1, incident(Counters.staffTypeBand(StaffType.STAFF, Band.LOW)), 1,
                incident(Counters.category(DataCategory.PAY_NUMBER)), 1), afterFirst);
        assertEquals(List.of(), person(c, "SS-LATER").notices());

        RowBatch second = batch(c, 1, MALICIOUS, row(101, "SS-LATER", "name;photo;home_address"));
        BatchOutcome outcome = service.score(command(second));

        assertEquals(new BatchOutcome(c.caseId(), 1, 1, 1, 0, false, false), outcome);
        Map<String, Long> moved = difference(afterFirst, batchCounters(c));
        assertEquals(counters(Counters.BATCHES_DONE, 1,
                Counters.band(Band.LOW), -1, Counters.band(Band.HIGH), 1,
                Counters.NOTICES_PLANNED, 1,
                incident(Counters.band(Band.LOW)), -1, incident(Counters.band(Band.HIGH)), 1,
                incident(Counters.staffTypeBand(StaffType.STAFF, Band.LOW)), -1,
                incident(Counters.staffTypeBand(StaffType.STAFF, Band.HIGH)), 1,
                incident(Counters.category(DataCategory.NAME)), 1, incident(Counters.category(DataCategory.PHOTO)), 1,
                incident(Counters.category(DataCategory.HOME_ADDRESS)), 1,
                incident(Counters.notices("initial")), 1), moved);
        IncidentPerson p = person(c, "SS-LATER");
        assertEquals(Band.HIGH, p.band());
        assertEquals(List.of(0L, 1L), p.changes().stream().map(ch -> ch.batchNo()).toList());
        PersonNotice told = assertPlannedOnce(c, p, Band.HIGH, ContactChannel.LETTER, "art34-high-v1", true, 1);
        assertEquals(1, told.batchNo());

        Map<String, Long> beforeRetry = cases.find(c.caseId()).orElseThrow().counters();
        List<PersonNotice> noticesBefore = person(c, "SS-LATER").notices();
        BatchOutcome again = service.score(new ScoreBatch.Command(second, true));
        assertEquals(new BatchOutcome(c.caseId(), 1, 1, 1, 0, true, false), again,
                "the notice its first attempt planned; the batch already counted");
        assertEquals(beforeRetry, cases.find(c.caseId()).orElseThrow().counters());
        assertEquals(noticesBefore, person(c, "SS-LATER").notices(), "no second notice");
        assertEquals(List.of(), releases.requested());
    }

    /**
     * Police staff, common name, name and photo leaked: DPC 1 x EI 1.0 (name with photo) + CB 1.0 = 2.0,
     * MEDIUM. The policy sends MEDIUM an information notice by e-mail without waiting for a release, so
     * the batch plans it released and asks, once, for this person's notices to be published.
     */
    @Test
    void aMediumPersonsInformationNoticeIsReleasedAtOnceAndARequestNamesThem() {
        staff.putAll(List.of(policeStaff("SS-MEDIUM")));
        CaseRecord c = openCase("medium.csv", MALICIOUS, 2);

        BatchOutcome outcome = service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-MEDIUM", "name;photo"),
                row(2, "SS-LOW", "pay_number"))));

        assertEquals(new BatchOutcome(c.caseId(), 0, 2, 1, 1, false, false), outcome);
        IncidentPerson p = person(c, "SS-MEDIUM");
        assertEquals(2.0, p.assessment().score());
        assertEquals(List.of(new PersonNotice(PersonNotice.idFor(c.incidentId(), "SS-MEDIUM", NoticeKind.INITIAL, Band.MEDIUM),
                NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "info-medium-v1", false, c.caseId(), 0, NOW,
                NoticeState.RELEASED, 0, List.of(), NOW, null, null, null, null)), p.notices());
        assertEquals(List.of(ReleaseRequest.forBatch(c.incidentId(), c.caseId(), 0, List.of("SS-MEDIUM"))),
                releases.requested(), "SS-LOW has no notice, so is not named");
        assertEquals(List.of(), publisher.on(Topic.NOTICES), "the release step publishes, not scoring");
        assertEquals(1, batchCounters(c).get(Counters.NOTICES_PLANNED));
        assertEquals(1, batchCounters(c).get(incident(Counters.notices("initial"))));
    }

    /**
     * The MEDIUM person of the test above, then a later batch adds the home address: DPC 1 + 1 = 2,
     * 2 x 1.0 + 1.0 = 3.0, HIGH. Their information notice has not gone out, so it is withdrawn for the
     * HIGH one (an initial notice still, waiting for one approver): the case planned two notices, and
     * the incident counts one initial notice, not two.
     */
    @Test
    void aRiseFromMediumToHighWithdrawsTheWaitingInformationNoticeAndTheCountersMoveByExactlyThat() {
        staff.putAll(List.of(policeStaff("SS-RISE")));
        CaseRecord c = openCase("rise.csv", MALICIOUS, 2);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-RISE", "name;photo"))));
        Map<String, Long> afterFirst = batchCounters(c);
        releases.take();

        BatchOutcome outcome = service.score(command(batch(c, 1, MALICIOUS, row(101, "SS-RISE", "home_address"))));

        assertEquals(new BatchOutcome(c.caseId(), 1, 1, 1, 0, false, true), outcome);
        assertEquals(counters(Counters.BATCHES_DONE, 1,
                Counters.band(Band.MEDIUM), -1, Counters.band(Band.HIGH), 1,
                Counters.NOTICES_PLANNED, 1,
                incident(Counters.band(Band.MEDIUM)), -1, incident(Counters.band(Band.HIGH)), 1,
                incident(Counters.staffTypeBand(StaffType.STAFF, Band.MEDIUM)), -1,
                incident(Counters.staffTypeBand(StaffType.STAFF, Band.HIGH)), 1,
                incident(Counters.category(DataCategory.HOME_ADDRESS)), 1), difference(afterFirst, batchCounters(c)),
                "notices.initial: +1 planned, -1 withdrawn");
        String high = PersonNotice.idFor(c.incidentId(), "SS-RISE", NoticeKind.INITIAL, Band.HIGH);
        List<PersonNotice> notices = person(c, "SS-RISE").notices();
        assertEquals(2, notices.size(), notices.toString());
        assertEquals(new PersonNotice(PersonNotice.idFor(c.incidentId(), "SS-RISE", NoticeKind.INITIAL, Band.MEDIUM),
                NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "info-medium-v1", false, c.caseId(), 0, NOW,
                NoticeState.WITHDRAWN, 0, List.of(), NOW, null, null, null, high), notices.get(0));
        assertEquals(new PersonNotice(high, NoticeKind.INITIAL, Band.HIGH, ContactChannel.LETTER, "art34-high-v1", true,
                c.caseId(), 1, NOW, NoticeState.PLANNED, 1, List.of(), null, null, null, null, null), notices.get(1));
        assertEquals(List.of(), releases.requested(), "HIGH waits for a person");
    }

    /** A person whose rows say nothing new (the same fields again, in a later batch) changes no counter. */
    @Test
    void aLaterRowThatAddsNothingCountsNothing() {
        staff.putAll(List.of(policeStaff("SS-SAME")));
        CaseRecord c = openCase("same.csv", MALICIOUS, 3);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-SAME", "name"))));
        Map<String, Long> afterFirst = batchCounters(c);

        BatchOutcome outcome = service.score(command(batch(c, 1, MALICIOUS, row(101, "SS-SAME", "name"))));

        assertEquals(counters(Counters.BATCHES_DONE, 1), difference(afterFirst, batchCounters(c)));
        assertEquals(0, outcome.noticesPlanned());
        assertEquals(1, person(c, "SS-SAME").changes().size(), "nothing new: no change recorded");
    }

    // --- refusals and supersession -------------------------------------------------------------

    @Test
    void aBatchOfAnIncidentThatDoesNotExistIsRefused() {
        CaseRecord c = openCase("orphan.csv", MALICIOUS, 1);
        RowBatch stray = new RowBatch(c.caseId(), "IN-0000000000000000", 4, MALICIOUS, List.of(row(1, "SS-X", "name")));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.score(command(stray)));

        assertEquals("batch 4 of case " + c.caseId() + " names incident IN-0000000000000000, which does not exist:"
                + " not scored", e.getMessage());
        assertEquals(Optional.empty(), persons.find("IN-0000000000000000", "SS-X"));
    }

    @Test
    void aBatchOfACaseItsIncidentDoesNotListIsRefused() {
        CaseRecord c = openCase("member.csv", MALICIOUS, 1);
        RowBatch stray = new RowBatch("BT-00000000000000ff", c.incidentId(), 2, MALICIOUS, List.of(row(1, "SS-Y", "name")));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.score(command(stray)));

        assertEquals("batch 2 names case BT-00000000000000ff, which is not a manifest of incident " + c.incidentId()
                + ": not scored", e.getMessage());
        assertEquals(Optional.empty(), persons.find(c.incidentId(), "SS-Y"));
    }

    /** A superseded manifest's people are recorded and counted, and nobody is told on its strength. */
    @Test
    void aSupersededManifestsPeopleAreRecordedButNotTold() {
        staff.putAll(List.of(officer("SS-SUPERSEDED", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON)));
        CaseRecord c = openCase("old.csv", MALICIOUS, 1);
        incidents.update(c.incidentId(), i -> i.withSuperseded(c.caseId(), "BT-000000000000new1"));

        BatchOutcome outcome = service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-SUPERSEDED", "name;rank;photo"))));

        assertEquals(0, outcome.noticesPlanned());
        IncidentPerson p = person(c, "SS-SUPERSEDED");
        assertEquals(Band.VERY_HIGH, p.band());
        assertEquals(List.of(), p.notices());
        assertEquals(1, batchCounters(c).get(Counters.band(Band.VERY_HIGH)));
        assertEquals(null, batchCounters(c).get(Counters.NOTICES_PLANNED));
    }

    // --- the scorer's copy of the incident -------------------------------------------------------

    /** Every batch of a one-manifest incident is scored on one read of the incident: the scorer keeps a copy. */
    @Test
    void theBatchesOfAManifestAreScoredOnOneReadOfTheIncident() {
        CountingIncidents counted = new CountingIncidents(incidentStore);
        ScoreService scorer = service(counted, persons);
        staff.putAll(List.of(policeStaff("SS-COPY-1"), policeStaff("SS-COPY-2"), policeStaff("SS-COPY-3")));
        CaseRecord c = openCase("copy.csv", MALICIOUS, 3);

        scorer.score(command(batch(c, 0, MALICIOUS, row(1, "SS-COPY-1", "name;photo"))));
        scorer.score(command(batch(c, 1, MALICIOUS, row(101, "SS-COPY-2", "name;photo"))));
        scorer.score(command(batch(c, 2, MALICIOUS, row(201, "SS-COPY-3", "name;photo"))));

        assertEquals(1, counted.finds, "one read of the incident for three batches");
        assertEquals(3, releases.requested().size(), "each MEDIUM notice is planned released, as before");
    }

    /** Batches scored at the same moment by one scorer with no copy yet share the one read. */
    @Test
    void batchesScoredAtTheSameMomentShareTheFirstRead() throws Exception {
        CountingIncidents counted = new CountingIncidents(incidentStore, 200);
        ScoreService scorer = service(counted, persons);
        CaseRecord c = openCase("together.csv", MALICIOUS, 4);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<BatchOutcome>> running = new java.util.ArrayList<>();
            for (int b = 0; b < 4; b++) {
                RowBatch batch = batch(c, b, MALICIOUS, row(100L * b + 1, "SS-TOGETHER-" + b, "pay_number"));
                running.add(pool.submit(() -> {
                    start.await();
                    return scorer.score(command(batch));
                }));
            }
            start.countDown();
            for (var f : running) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, counted.finds, "one read, the others waited for its copy");
        assertEquals(4, batchCounters(c).get(Counters.BATCHES_DONE));
    }

    /**
     * The copy was read before a later manifest superseded this one. A person the later manifest names too
     * is not told on the old one's strength: the write that would plan their notice reads the incident
     * first. A person only the old manifest names is planned from the copy, and the release step, which
     * reads the incident when it claims, finds them no longer listed (IncidentScenarios and the emulator
     * test ScoreHandlerCopyTest send them nothing).
     */
    @Test
    void aManifestSupersededAfterTheCopyWasReadTellsNobodyAnotherManifestNamesOnItsStrength() {
        CountingIncidents counted = new CountingIncidents(incidentStore);
        ScoreService scorer = service(counted, persons);
        staff.putAll(List.of(officer("SS-BOTH", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON),
                officer("SS-OLD-ONLY", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON),
                policeStaff("SS-FIRST")));
        CaseRecord old = openCase("old.csv", MALICIOUS, 2);
        CaseRecord replacement = openCase("replacement.csv", MALICIOUS, 1);
        scorer.score(command(batch(replacement, 0, MALICIOUS, row(1, "SS-BOTH", "pay_number"))));
        scorer.score(command(batch(old, 0, MALICIOUS, row(1, "SS-FIRST", "pay_number"))));
        assertEquals(1, counted.finds, "the copy lists both manifests");
        incidents.update(old.incidentId(), i -> i.withSuperseded(old.caseId(), replacement.caseId()));

        BatchOutcome outcome = scorer.score(command(batch(old, 1, MALICIOUS, row(101, "SS-OLD-ONLY", "name;rank;photo"),
                row(102, "SS-BOTH", "name;rank;photo"))));

        assertEquals(Band.VERY_HIGH, person(old, "SS-BOTH").band(), "recorded");
        assertEquals(List.of(), person(old, "SS-BOTH").notices(), "but not told on the superseded manifest's strength");
        IncidentPerson oldOnly = person(old, "SS-OLD-ONLY");
        assertEquals(1, oldOnly.notices().size(), "planned from the copy, before the read");
        assertTrue(oldOnly.noLongerListed(incidentStore.find(old.incidentId()).orElseThrow().supersededCaseIds()),
                "which the release step sees, and sends them nothing");
        assertEquals(1, outcome.noticesPlanned());
        assertEquals(2, counted.finds, "read again before SS-BOTH's write, once");
    }

    /** A copy that already says superseded is trusted: a manifest is never un-superseded. */
    @Test
    void aCopyThatSaysSupersededIsNotReadAgain() {
        CountingIncidents counted = new CountingIncidents(incidentStore);
        ScoreService scorer = service(counted, persons);
        staff.putAll(List.of(officer("SS-GONE-1", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON),
                officer("SS-GONE-2", Set.of(RoleFlag.COVERT), VettingLevel.SC, NameRarity.COMMON)));
        CaseRecord old = openCase("old.csv", MALICIOUS, 2);
        CaseRecord replacement = openCase("replacement.csv", MALICIOUS, 1);
        incidents.update(old.incidentId(), i -> i.withSuperseded(old.caseId(), replacement.caseId()));
        scorer.score(command(batch(replacement, 0, MALICIOUS, row(1, "SS-GONE-1", "pay_number"),
                row(2, "SS-GONE-2", "pay_number"))));

        scorer.score(command(batch(old, 0, MALICIOUS, row(1, "SS-GONE-1", "name;rank;photo"))));
        scorer.score(command(batch(old, 1, MALICIOUS, row(101, "SS-GONE-2", "name;rank;photo"))));

        assertEquals(1, counted.finds);
        assertEquals(List.of(), person(old, "SS-GONE-1").notices());
        assertEquals(List.of(), person(old, "SS-GONE-2").notices());
    }

    /**
     * The copy was read before another manifest of the incident stated DPA 2018 Part 3. A notice to someone
     * outside the workforce that the copy would release at once is planned on a fresh read: it waits for an
     * approver, so that s.68(7) can be decided first. A staff member's is planned from the copy (staff are
     * told under Art. 34 whatever the regime).
     */
    @Test
    void aPartThreeStatedAfterTheCopyWasReadStillMakesAnOtherSubjectsNoticeWait() {
        CountingIncidents counted = new CountingIncidents(incidentStore);
        ScoreService scorer = service(counted, persons);
        staff.putAll(List.of(policeStaff("SS-STAFF-1"), policeStaff("SS-STAFF-2")));
        CaseRecord first = openCase("first.csv", MALICIOUS, 3);
        scorer.score(command(batch(first, 0, MALICIOUS, row(1, "SS-STAFF-1", "name;photo"))));
        IncidentMetadata partThree = MALICIOUS.withRegime(org.breachtriage.core.cases.Regime.DPA_2018_PART_3);
        openCase("stated.csv", partThree, 1);
        assertEquals(org.breachtriage.core.cases.Regime.DPA_2018_PART_3,
                incidentStore.find(first.incidentId()).orElseThrow().reportingRegime());

        scorer.score(command(batch(first, 1, MALICIOUS, row(101, "SS-STAFF-2", "name;photo"))));
        assertEquals(1, counted.finds, "a staff member's notice needs no fresh read");
        scorer.score(command(batch(first, 2, MALICIOUS, other(201, "O-1", "name;photo"))));

        PersonNotice notice = person(first, "OTHER:O-1").notices().getLast();
        assertEquals(1, notice.approvalsNeeded(), "waits for an approver: s.68(7) first");
        assertEquals(0, person(first, "SS-STAFF-2").notices().getLast().approvalsNeeded());
        assertEquals(2, counted.finds, "read again before the member of the public's write");
    }

    // --- racing writers ------------------------------------------------------------------------

    /** Another writer changes the person between this batch's read and its write: it re-reads and folds again. */
    @Test
    void aLostCompareAndSetIsRetriedOnTheFresherRecord() {
        staff.putAll(List.of(policeStaff("SS-RACE")));
        CaseRecord c = openCase("race.csv", MALICIOUS, 3);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-RACE", "pay_number"))));
        ScoreService racing = service(replacesLosing(1, new int[1]));

        racing.score(command(batch(c, 1, MALICIOUS, row(101, "SS-RACE", "name;photo;home_address"))));

        IncidentPerson p = person(c, "SS-RACE");
        assertEquals(Band.HIGH, p.band());
        assertEquals(2, p.changes().size());
        assertEquals(1, cases.find(c.caseId()).orElseThrow().counter(Counters.band(Band.HIGH)));
    }

    @Test
    void aPersonThatKeepsChangingGivesUpAfterTenAttemptsSoTheBatchIsRetried() {
        staff.putAll(List.of(policeStaff("SS-BUSY")));
        CaseRecord c = openCase("busy.csv", MALICIOUS, 3);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-BUSY", "pay_number"))));
        int[] attempts = {0};
        ScoreService losing = service(replacesLosing(Integer.MAX_VALUE, attempts));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> losing.score(command(batch(c, 1, MALICIOUS, row(101, "SS-BUSY", "name")))));

        assertEquals("a person of incident " + c.incidentId() + " kept changing under us (10 attempts); batch 1 of case "
                + c.caseId() + " will be retried", e.getMessage());
        assertEquals(9, attempts[0], "the first attempt finds the record; nine replaces lose");
        assertEquals(1, cases.find(c.caseId()).orElseThrow().counter(Counters.BATCHES_DONE), "batch 1 not counted");
    }

    @Test
    void aPersonWhoseRecordVanishesMidWriteFailsTheBatch() {
        staff.putAll(List.of(policeStaff("SS-GONE")));
        CaseRecord c = openCase("gone.csv", MALICIOUS, 3);
        service.score(command(batch(c, 0, MALICIOUS, row(1, "SS-GONE", "pay_number"))));
        ScoreService vanishing = service(new DelegatingPersonStore(persons) {
            @Override
            public boolean replace(IncidentPerson updated, int expectedVersion) {
                return false;
            }

            @Override
            public Optional<IncidentPerson> find(String incidentId, String payNumber) {
                return Optional.empty();
            }
        });

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> vanishing.score(command(batch(c, 1, MALICIOUS, row(101, "SS-GONE", "name")))));
        assertEquals("a person of incident " + c.incidentId() + " vanished", e.getMessage());
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The person store whose first {@code losses} compare-and-sets lose to another writer; counts every attempt. */
    private DelegatingPersonStore replacesLosing(int losses, int[] attempts) {
        return new DelegatingPersonStore(persons) {
            @Override
            public boolean replace(IncidentPerson updated, int expectedVersion) {
                return attempts[0]++ >= losses && super.replace(updated, expectedVersion);
            }
        };
    }

    /**
     * The notice path in one place: exactly one initial notice at {@code band}, planned by this case and
     * waiting for {@code approvals} approvers (scoring tells nobody: the release step publishes).
     */
    private PersonNotice assertPlannedOnce(CaseRecord c, IncidentPerson p, Band band, ContactChannel channel,
                                           String templateId, boolean art34, int approvals) {
        assertEquals(1, p.notices().size(), p.notices().toString());
        PersonNotice notice = p.notices().get(0);
        assertEquals(new PersonNotice(PersonNotice.idFor(c.incidentId(), p.payNumber(), NoticeKind.INITIAL, band),
                NoticeKind.INITIAL, band, channel, templateId, art34, c.caseId(), notice.batchNo(), NOW,
                NoticeState.PLANNED, approvals, List.of(), null, null, null, null, null), notice);
        assertEquals(List.of(), publisher.on(Topic.NOTICES), "scoring publishes no notice");
        return notice;
    }

    /** Opens a case with its incident, as ingest does, with {@code batches} queued. */
    private CaseRecord openCase(String name, IncidentMetadata incident, long batches) {
        String caseId = org.breachtriage.core.cases.CaseIds.derive("manifests/score/" + name, "v1");
        String incidentId = IncidentService.incidentIdFor(FORCE, incident, caseId);
        CaseRecord opened = lifecycle.open(CaseOpening.newCase(caseId, incidentId, "manifests/score/" + name, "v1",
                incident, POLICY.version(), NOW));
        incidents.join(opened, FORCE);
        lifecycle.ingested(caseId, batches, batches, 0, batches);
        reports.clear();
        return cases.find(caseId).orElseThrow();
    }

    private static RowBatch batch(CaseRecord c, long batchNo, IncidentMetadata incident, ManifestRow... rows) {
        return new RowBatch(c.caseId(), c.incidentId(), batchNo, incident, List.of(rows));
    }

    private static ScoreBatch.Command command(RowBatch batch) {
        return new ScoreBatch.Command(batch, false);
    }

    /** A row listing {@code fields} (";"-separated wire names; empty: the incident's defaults), no echoes. */
    private static ManifestRow row(long rowNumber, String payNumber, String fields) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String field : fields.split(";")) {
            DataCategory.parse(field).ifPresent(categories::add);
        }
        return new ManifestRow(rowNumber, payNumber, categories, null, null, null, null);
    }

    /** A member of the public's row (subject type OTHER), reached by e-mail. */
    private static ManifestRow other(long rowNumber, String ref, String fields) {
        ManifestRow staffRow = row(rowNumber, null, fields);
        return new ManifestRow(rowNumber, null, staffRow.exposedFields(), null, null, null, null, SubjectType.OTHER, ref,
                ContactChannel.EMAIL);
    }

    /** An incident store that counts the reads of one incident, as a request counter would on DynamoDB. */
    private static final class CountingIncidents implements IncidentStore {
        private final IncidentStore delegate;
        private final long slowMillis;
        volatile int finds;

        CountingIncidents(IncidentStore delegate) {
            this(delegate, 0);
        }

        /** Each read takes {@code slowMillis}, as a request over the network does, so that callers overlap. */
        CountingIncidents(IncidentStore delegate, long slowMillis) {
            this.delegate = delegate;
            this.slowMillis = slowMillis;
        }

        @Override
        public CreateOutcome create(IncidentRecord candidate) {
            return delegate.create(candidate);
        }

        @Override
        public synchronized Optional<IncidentRecord> find(String incidentId) {
            finds++;
            if (slowMillis > 0) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.find(incidentId);
        }

        @Override
        public List<IncidentRecord> list() {
            return delegate.list();
        }

        @Override
        public boolean replace(IncidentRecord updated, int expectedVersion) {
            return delegate.replace(updated, expectedVersion);
        }

        @Override
        public void appendDecision(String incidentId, DecisionEntry entry) {
            delegate.appendDecision(incidentId, entry);
        }

        @Override
        public List<DecisionEntry> decisions(String incidentId) {
            return delegate.decisions(incidentId);
        }
    }

    private IncidentPerson person(CaseRecord c, String payNumber) {
        return persons.find(c.incidentId(), payNumber).orElseThrow();
    }

    /** The case's counters less what ingest set (the row totals): what its batches added. */
    private Map<String, Long> batchCounters(CaseRecord c) {
        Map<String, Long> counted = new HashMap<>(cases.find(c.caseId()).orElseThrow().counters());
        counted.keySet().removeAll(List.of(Counters.ROWS_READ, Counters.ROWS_ACCEPTED, Counters.ROWS_REJECTED));
        counted.values().removeIf(n -> n == 0);
        return counted;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> moved = new HashMap<>(after);
        before.forEach((name, n) -> moved.merge(name, -n, Long::sum));
        moved.values().removeIf(n -> n == 0);
        return moved;
    }

    private static String incident(String counter) {
        return Counters.incident(counter);
    }

    private static Map<String, Long> counters(Object... namesAndCounts) {
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            map.put((String) namesAndCounts[i], ((Number) namesAndCounts[i + 1]).longValue());
        }
        return map;
    }

    private static StaffMember officer(String pay, Set<RoleFlag> flags, VettingLevel vetting, NameRarity rarity) {
        return new StaffMember(pay, "Alex", "Smith", StaffType.OFFICER, "Constable", "Covert Policing Unit", flags,
                vetting, ContactChannel.IN_PERSON, "Police Federation", FORCE, rarity);
    }

    private static StaffMember policeStaff(String pay) {
        return new StaffMember(pay, "Sam", "Jones", StaffType.STAFF, "Band D", "Finance", Set.of(), VettingLevel.NPPV3,
                ContactChannel.EMAIL, null, FORCE, NameRarity.COMMON);
    }
}
