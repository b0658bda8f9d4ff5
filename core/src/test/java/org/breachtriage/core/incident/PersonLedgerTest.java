package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;
import org.junit.jupiter.api.Test;

/** The rules that fold a batch's sighting of a person into their incident record, one at a time. */
class PersonLedgerTest {
    private static final String INCIDENT = "IN-00000000000000f1";
    private static final Instant NOW = Instant.parse("2023-08-26T12:00:00Z");
    private static final IncidentMetadata MALICIOUS = new IncidentMetadata("Acme", "INC-1", NOW, true,
            Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, Set.of(), List.of());
    private static final IncidentMetadata MILD = new IncidentMetadata("Acme", "INC-1", NOW, false,
            Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, Set.of(), List.of());
    private static final StaffMember COVERT = new StaffMember("MP1", "Alex", "Smith", StaffType.OFFICER, "DC", "SO",
            Set.of(RoleFlag.COVERT), VettingLevel.NPPV3, ContactChannel.LETTER, null, "MPS", NameRarity.COMMON);

    private final ScoringPolicy policy = ScoringPolicy.loadDefault();
    private final PersonLedger ledger = new PersonLedger(new SeverityScorer(policy), policy,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Sighting sighting(String caseId, long batch, IncidentMetadata incident, boolean mayNotify,
                                     DataCategory... categories) {
        return new Sighting(INCIDENT, caseId, batch, "MP1", EnumSet.of(categories[0], categories), null, null, COVERT,
                incident, mayNotify);
    }

    private IncidentPerson apply(IncidentPerson current, Sighting s) {
        return ledger.apply(current, s).orElseThrow(() -> new AssertionError("expected a write for " + s));
    }

    @Test
    void aNewPersonIsRecordedWithOneChangeAndTheNoticeTheirBandNeeds() {
        IncidentPerson p = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));

        assertEquals(Band.HIGH, p.band(), "a covert officer's name: HIGH");
        assertEquals(0, p.version());
        PersonChange change = p.change("BT-a", 0).orElseThrow();
        assertNull(change.before());
        assertNull(change.caseBefore());
        assertEquals(List.of(NoticeKind.INITIAL), p.notices().stream().map(PersonNotice::kind).toList());
        assertEquals(NoticeState.PLANNED, p.notices().getFirst().state(), "planned in the same write: the outbox");
        assertEquals(1, p.notices().getFirst().approvalsNeeded(), "HIGH waits for one approver");
        assertTrue(p.notices().getFirst().art34());
        assertEquals(INCIDENT + "-notice-MP1-initial-HIGH", p.notices().getFirst().noticeId());
        Map<String, Long> deltas = change.counterDeltas(p.noticesPlannedBy("BT-a", 0), p.noticesWithdrawnBy("BT-a", 0));
        assertEquals(1L, deltas.get(Counters.PERSONS_TOTAL));
        assertEquals(1L, deltas.get(Counters.band(Band.HIGH)));
        assertEquals(1L, deltas.get(Counters.incident(Counters.PERSONS_TOTAL)));
        assertEquals(1L, deltas.get(Counters.incident(Counters.staffTypeBand(StaffType.OFFICER, Band.HIGH))));
        assertEquals(1L, deltas.get(Counters.incident(Counters.NOTICES_INITIAL)));
        assertEquals(1L, deltas.get(Counters.NOTICES_PLANNED));
    }

    @Test
    void aNoticeOfABandReleasedAutomaticallyIsPlannedReleasedUnlessThePersonIsHeld() {
        StaffMember clerk = new StaffMember("MP1", "Sam", "Jones", StaffType.STAFF, null, "Finance", Set.of(), null,
                ContactChannel.EMAIL, null, "MPS", NameRarity.COMMON);
        Sighting medium = new Sighting(INCIDENT, "BT-a", 0, "MP1", EnumSet.of(DataCategory.NAME, DataCategory.PHOTO),
                null, null, clerk, MALICIOUS, true);
        IncidentPerson p = apply(null, medium);

        assertEquals(Band.MEDIUM, p.band());
        PersonNotice info = p.notices().getFirst();
        assertEquals(NoticeState.RELEASED, info.state(), "MEDIUM is released automatically");
        assertFalse(info.art34(), "an information notice, not an Art. 34 one");
        assertEquals(ContactChannel.EMAIL, info.channel());

        IncidentPerson held = new IncidentPerson(INCIDENT, "MP1", true, StaffType.STAFF, "MPS", Set.of(),
                p.assessment(), List.of(), List.of(), List.of(), List.of(),
                new Hold("A", "a", "to be told by their manager", NOW), 3);
        IncidentPerson heldThenSeen = apply(held, new Sighting(INCIDENT, "BT-b", 0, "MP1",
                EnumSet.of(DataCategory.NAME, DataCategory.PHOTO), null, null, clerk, MALICIOUS, true));
        assertEquals(NoticeState.PLANNED, heldThenSeen.notices().getFirst().state(), "held: it waits");
    }

    @Test
    void theSameBatchAgainChangesNothingSoItsRetryCountsWhatItRecordedThen() {
        IncidentPerson p = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));

        assertEquals(Optional.empty(), ledger.apply(p, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME,
                DataCategory.PHOTO)), "even a retry that says more is the same batch: already applied");
    }

    @Test
    void aHigherBandBeforeTheFirstNoticeWentOutReplacesIt() {
        IncidentPerson first = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));
        IncidentPerson second = apply(first, sighting("BT-b", 4, MALICIOUS, true, DataCategory.PHOTO));

        assertEquals(Band.VERY_HIGH, second.band());
        PersonNotice replaced = second.notices().get(0);
        PersonNotice replacement = second.notices().get(1);
        assertEquals(NoticeState.WITHDRAWN, replaced.state(), "nobody gets a letter for a band they have left");
        assertEquals(replacement.noticeId(), replaced.withdrawnBy());
        assertEquals(INCIDENT + "-notice-MP1-initial-VERY_HIGH", replacement.noticeId(), "still their first notice");
        assertEquals(2, replacement.approvalsNeeded(), "VERY_HIGH waits for two approvers");
        assertEquals(List.of(replaced), second.noticesWithdrawnBy("BT-b", 4));
        Map<String, Long> deltas = second.change("BT-b", 4).orElseThrow()
                .counterDeltas(second.noticesPlannedBy("BT-b", 4), second.noticesWithdrawnBy("BT-b", 4));
        assertEquals(0L, deltas.get(Counters.incident(Counters.NOTICES_INITIAL)), "one initial notice in, one out");
        assertEquals(1L, deltas.get(Counters.NOTICES_PLANNED), "this manifest planned one");
    }

    @Test
    void aSecondManifestWidensTheUnionRaisesTheBandAndPlansOneEscalation() {
        IncidentPerson planned = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));
        IncidentPerson first = planned.withPublished(planned.notices().getFirst().noticeId(), NOW);
        IncidentPerson second = apply(first, sighting("BT-b", 4, MALICIOUS, true, DataCategory.PHOTO));

        assertEquals(EnumSet.of(DataCategory.NAME, DataCategory.PHOTO), second.exposed());
        assertEquals(Band.VERY_HIGH, second.band());
        assertEquals(2, second.version(), "the publication moved it on once, this write once more");
        assertEquals(2, second.manifests().size());
        assertEquals(List.of(NoticeKind.INITIAL, NoticeKind.ESCALATION),
                second.notices().stream().map(PersonNotice::kind).toList());
        PersonChange change = second.change("BT-b", 4).orElseThrow();
        assertEquals(first.figure(), change.before(), "the change starts where the stored record was");
        Map<String, Long> deltas = change.counterDeltas(second.noticesPlannedBy("BT-b", 4), second.noticesWithdrawnBy("BT-b", 4));
        assertEquals(-1L, deltas.get(Counters.incident(Counters.band(Band.HIGH))), "moved out of HIGH");
        assertEquals(1L, deltas.get(Counters.incident(Counters.band(Band.VERY_HIGH))), "into VERY_HIGH");
        assertNull(deltas.get(Counters.incident(Counters.PERSONS_TOTAL)), "still one person of the incident");
        assertEquals(1L, deltas.get(Counters.PERSONS_TOTAL), "but a new person of manifest BT-b");
        assertEquals(1L, deltas.get(Counters.incident(Counters.NOTICES_ESCALATION)));

        IncidentPerson third = apply(second, sighting("BT-c", 0, MALICIOUS, true, DataCategory.NAME));
        assertEquals(3, third.manifests().size(), "a third manifest named them");
        assertEquals(second.notices(), third.notices(), "no third notice: the band has not risen past VERY_HIGH");
    }

    @Test
    void aManifestWithMilderCircumstancesNeverLowersTheBandAndSaysSo() {
        IncidentPerson first = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));
        IncidentPerson later = apply(first, sighting("BT-b", 0, MILD, true, DataCategory.NAME));

        assertEquals(Band.HIGH, first.band());
        assertEquals(Band.HIGH, later.band(), "rescored with the milder manifest's circumstances it would be MEDIUM");
        assertEquals(first.assessment(), later.assessment(), "the higher assessment is kept");
        assertEquals(List.of("Manifest BT-b alone would lower the band from HIGH to MEDIUM (milder circumstances or"
                + " fewer echoes); kept at HIGH: review"), later.reviewNotes());
        assertEquals(Band.MEDIUM, later.manifest("BT-b").orElseThrow().band(), "what that manifest alone says");
        assertEquals(1, later.notices().size(), "nothing new to tell");
    }

    @Test
    void aSupersededManifestRecordsThePersonButPlansNoNotice() {
        IncidentPerson p = apply(null, sighting("BT-old", 0, MALICIOUS, false, DataCategory.NAME, DataCategory.PHOTO));

        assertEquals(Band.VERY_HIGH, p.band());
        assertEquals(List.of(), p.notices());
        IncidentPerson fromCurrent = apply(p, sighting("BT-new", 0, MALICIOUS, true, DataCategory.NAME));
        assertEquals(List.of(NoticeKind.INITIAL), fromCurrent.notices().stream().map(PersonNotice::kind).toList(),
                "told once a manifest that stands names them");
        assertEquals("BT-new", fromCurrent.notices().getFirst().caseId());
    }

    @Test
    void aRowOfTheSameManifestInALaterBatchMovesThatManifestsOwnCountsToo() {
        IncidentPerson first = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.PAY_NUMBER));
        IncidentPerson widened = apply(first, sighting("BT-a", 3, MALICIOUS, true, DataCategory.NAME));

        assertEquals(1, widened.manifests().size(), "one exposure in one manifest, the union of its rows");
        PersonChange change = widened.change("BT-a", 3).orElseThrow();
        Map<String, Long> deltas = change.counterDeltas(widened.noticesPlannedBy("BT-a", 3), widened.noticesWithdrawnBy("BT-a", 3));
        assertNull(deltas.get(Counters.PERSONS_TOTAL), "already a person of this manifest");
        assertEquals(-1L, deltas.get(Counters.band(Band.LOW)));
        assertEquals(1L, deltas.get(Counters.band(Band.HIGH)));
    }

    // The ledger answers most sightings of a big manifest from the record as stored (no new sets or lists):
    // these pin what that must still give, a sighting that adds nothing and one that adds only an echo.
    @Test
    void aLaterBatchOfTheSameManifestThatAddsNothingChangesNothing() {
        IncidentPerson first = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME, DataCategory.RANK));

        assertTrue(ledger.apply(first, sighting("BT-a", 5, MALICIOUS, true, DataCategory.NAME)).isEmpty(),
                "a row naming fields the manifest already exposed, in a later batch");
        assertTrue(ledger.apply(first, sighting("BT-a", 6, MALICIOUS, true, DataCategory.RANK, DataCategory.NAME))
                .isEmpty(), "the same fields again");
        IncidentPerson widened = apply(first, sighting("BT-a", 7, MALICIOUS, true, DataCategory.PHOTO));
        assertEquals(EnumSet.of(DataCategory.NAME, DataCategory.RANK, DataCategory.PHOTO), widened.exposed());
        assertEquals(widened.exposed(), widened.manifest("BT-a").orElseThrow().categories());
        assertEquals(first.version() + 1, widened.version());
    }

    @Test
    void aLaterBatchThatOnlyEchoesAVettingLevelTheManifestLackedIsRecorded() {
        IncidentPerson first = apply(null, sighting("BT-a", 0, MALICIOUS, true, DataCategory.NAME));
        Sighting echo = new Sighting(INCIDENT, "BT-a", 1, "MP1", EnumSet.of(DataCategory.NAME), null, "DV", COVERT,
                MALICIOUS, true);

        IncidentPerson echoed = apply(first, echo);

        assertEquals("DV", echoed.manifest("BT-a").orElseThrow().echoedVettingLevel());
        assertEquals(first.exposed(), echoed.exposed(), "no field added");
        assertTrue(ledger.apply(echoed, new Sighting(INCIDENT, "BT-a", 2, "MP1", EnumSet.of(DataCategory.NAME), null,
                "SC", COVERT, MALICIOUS, true)).isEmpty(), "the manifest's first echo stands");
    }
}
