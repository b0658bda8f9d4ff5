package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.scoring.Assessment;
import org.junit.jupiter.api.Test;

/** The rules a notice and its person follow between planning and publication, one at a time. */
class NoticeReleaseRulesTest {
    private static final Instant NOW = Instant.parse("2023-08-26T12:00:00Z");
    private static final String INCIDENT = "IN-00000000000000f2";

    private static PersonNotice waiting(Band band, int approvalsNeeded) {
        return PersonNotice.planned(PersonNotice.idFor(INCIDENT, "MP1", NoticeKind.INITIAL, band), NoticeKind.INITIAL,
                band, ContactChannel.LETTER, "t", true, "BT-a", 0, NOW, approvalsNeeded, false);
    }

    private static NoticeApproval yes(String key, int n) {
        return new NoticeApproval(INCIDENT + "/approval/" + n, key, key, key, NOW.plusSeconds(n));
    }

    private static IncidentPerson person(PersonNotice... notices) {
        return new IncidentPerson(INCIDENT, "MP1", true, null, null, Set.of(DataCategory.NAME),
                new Assessment(1, 1, null, 1, Band.HIGH, List.of()), List.of(), List.of(notices), List.of(), List.of(),
                null, 4);
    }

    @Test
    void aRuleThatNeedsNobodyIsReleasedWhenPlannedUnlessThePersonIsHeld() {
        assertEquals(NoticeState.RELEASED, waiting(Band.MEDIUM, 0).state());
        assertEquals(NOW, waiting(Band.MEDIUM, 0).releasedAt());
        PersonNotice held = PersonNotice.planned("n", NoticeKind.INITIAL, Band.MEDIUM, ContactChannel.EMAIL, "t", false,
                "BT-a", 0, NOW, 0, true);
        assertEquals(NoticeState.PLANNED, held.state());
        assertEquals(NoticeState.PLANNED, waiting(Band.HIGH, 1).state());
    }

    @Test
    void twoDifferentApproversReleaseAndOneApproverCountsOnce() {
        PersonNotice n = waiting(Band.VERY_HIGH, 2);
        PersonNotice once = n.withApproval(yes("name:alice", 1));
        assertEquals(NoticeState.PLANNED, once.state());
        assertSame(once, once.withApproval(yes("name:alice", 2)), "the same approver again changes nothing");
        PersonNotice twice = once.withApproval(yes("name:bob", 3));
        assertEquals(NoticeState.RELEASED, twice.state());
        assertEquals(NOW.plusSeconds(3), twice.releasedAt(), "released by the yes that met the rule");
        assertSame(twice, twice.withApproval(yes("name:carol", 4)), "an approval only adds to a waiting notice");
    }

    @Test
    void aClaimHoldsForItsLeaseAndIsTakenOverOnlyAfterIt() {
        PersonNotice released = waiting(Band.MEDIUM, 0);
        assertTrue(released.claimable(NOW));
        PersonNotice claimed = released.claimed("p1", NOW);
        assertFalse(claimed.claimable(NOW.plus(Duration.ofMinutes(19))), "another publisher keeps off");
        assertTrue(claimed.inFlight(NOW.plus(Duration.ofMinutes(19))));
        assertTrue(claimed.claimable(NOW.plus(PersonNotice.CLAIM_LEASE)), "its publisher died: take it over");
        assertFalse(waiting(Band.HIGH, 1).claimable(NOW), "waiting notices are never claimed");
    }

    @Test
    void withClaimsTakesEveryClaimableNoticeInOneWrite() {
        IncidentPerson p = person(waiting(Band.MEDIUM, 0), waiting(Band.HIGH, 1));
        IncidentPerson claimed = p.withClaims("p1", NOW);
        assertEquals(5, claimed.version(), "one write, one version");
        assertEquals(List.of(claimed.notices().getFirst()), claimed.claimedBy("p1"));
        assertNull(claimed.notices().get(1).claimedBy(), "the waiting one is not claimed");
        assertTrue(p.hasClaimable(NOW));
        assertFalse(claimed.hasClaimable(NOW));
    }

    @Test
    void aHoldSendsReleasedNoticesBackToWaitingWithoutTheirApprovalsButCannotStopOneInFlight() {
        PersonNotice approved = waiting(Band.HIGH, 1).withApproval(yes("name:alice", 1));
        PersonNotice inFlight = waiting(Band.MEDIUM, 0).claimed("p1", NOW);
        IncidentPerson held = person(approved, inFlight).withHold(new Hold("Alice", "alice", "handler", NOW), NOW);

        assertTrue(held.held());
        assertEquals(NoticeState.PLANNED, held.notices().get(0).state());
        assertEquals(List.of(), held.notices().get(0).approvals(), "after the hold it needs a fresh release");
        assertEquals(NoticeState.RELEASED, held.notices().get(1).state(), "on its way: too late to keep back");
        assertSame(held, held.withApproval(held.notices().get(0).noticeId(), yes("name:bob", 2)),
                "no approval reaches a held person");
    }

    @Test
    void liftingAHoldReleasesWhatNeedsNoApproverAndLeavesTheRestWaiting() {
        IncidentPerson held = person(waiting(Band.MEDIUM, 0), waiting(Band.HIGH, 1))
                .withHold(new Hold("Alice", "alice", "manager tells them", NOW), NOW);
        assertEquals(NoticeState.PLANNED, held.notices().get(0).state());

        IncidentPerson lifted = held.withoutHold(NOW.plusSeconds(60));
        assertFalse(lifted.held());
        assertEquals(NoticeState.RELEASED, lifted.notices().get(0).state());
        assertEquals(NOW.plusSeconds(60), lifted.notices().get(0).releasedAt());
        assertEquals(NoticeState.PLANNED, lifted.notices().get(1).state());
    }

    @Test
    void aWithdrawnNoticeNoLongerCountsAsTold() {
        PersonNotice high = waiting(Band.HIGH, 1);
        PersonNotice veryHigh = waiting(Band.VERY_HIGH, 2);
        IncidentPerson p = person(high.withdrawnFor(veryHigh.noticeId()), veryHigh);
        assertEquals(Band.VERY_HIGH, p.toldBand());
        assertEquals(Band.HIGH, person(high.withdrawnFor("x"), waiting(Band.LOW, 0).withdrawnFor("y"), high).toldBand());
        assertNull(person(high.withdrawnFor("x")).toldBand(), "a withdrawn notice alone: never told");
    }
}
