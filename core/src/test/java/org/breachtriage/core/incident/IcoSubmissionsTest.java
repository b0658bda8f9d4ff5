package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording the report to the ICO: what is required, what is refused, and that it is recorded once. */
class IcoSubmissionsTest {
    private static final Instant AWARE = Instant.parse("2023-08-24T09:00:00Z");
    private static final Instant DEADLINE = AWARE.plus(Duration.ofHours(72));
    private static final String ID = "IN-00000000000000f9";

    private final MutableClock clock = new MutableClock(DEADLINE.plus(Duration.ofDays(1)));
    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final IncidentService incidents = new IncidentService(store, clock);
    private final IcoSubmissions submissions = new IcoSubmissions(incidents, clock);

    @BeforeEach
    void anIncident() {
        store.create(IncidentRecord.open(ID, "Met", "INC-F9", "Acme", new IncidentManifest("BT-1", "a.csv", AWARE, AWARE,
                null), AWARE));
    }

    @Test
    void inTimeItIsRecordedOnceWithoutAReasonAndLogged() {
        Instant at = DEADLINE.minusSeconds(60);
        IcoSubmissions.Recorded first = submissions.record(ID, "  ICO/2023/1 ", at, "  ");
        assertTrue(first.recordedNow());
        assertEquals(new IcoSubmission(at, "ICO/2023/1", null, clock.instant()), first.incident().icoSubmission());
        assertEquals("The report to the ICO was made at " + at + " (ICO reference ICO/2023/1), within the deadline."
                + " Deadline reminders stop.", store.decisions(ID).getLast().reason());

        IcoSubmissions.Recorded again = submissions.record(ID, "ICO/2023/1", at, null);
        assertFalse(again.recordedNow(), "the same submission again changes nothing");
        assertEquals(first.incident().icoSubmission(), again.incident().icoSubmission());
    }

    @Test
    void lateItNeedsAReasonAndRecordsIt() {
        Instant at = DEADLINE.plusSeconds(1);
        IcoSubmissions.InvalidSubmission e = assertThrows(IcoSubmissions.InvalidSubmission.class,
                () -> submissions.record(ID, "ICO/2", at, null));
        assertEquals("the report was made at " + at + ", after the deadline " + DEADLINE + ": say why with --late-reason"
                + " TEXT (UK GDPR Art. 33(1))", e.getMessage());

        IcoSubmissions.Recorded late = submissions.record(ID, "ICO/2", at, " the list came late ");
        assertEquals("the list came late", late.incident().icoSubmission().lateReason());
        assertTrue(store.decisions(ID).getLast().reason().contains(", after the deadline " + DEADLINE + ": the list came late."));
    }

    @Test
    void aReasonIsRefusedWhenThereIsNoLatenessAndTheDeadlineItselfIsInTime() {
        IcoSubmissions.InvalidSubmission e = assertThrows(IcoSubmissions.InvalidSubmission.class,
                () -> submissions.record(ID, "ICO/3", DEADLINE, "why"));
        assertEquals("the report was made at " + DEADLINE + ", before the deadline " + DEADLINE + ", so there is no lateness"
                + " to explain: leave out --late-reason", e.getMessage());
    }

    @Test
    void noReferenceAFutureTimeAndASecondDifferentSubmissionAreRefused() {
        assertEquals("the ICO's reference for the report is required (--ico-reference)", assertThrows(
                IcoSubmissions.InvalidSubmission.class, () -> submissions.record(ID, " ", null, null)).getMessage());
        Instant future = clock.instant().plus(Duration.ofHours(1));
        assertTrue(assertThrows(IcoSubmissions.InvalidSubmission.class, () -> submissions.record(ID, "ICO/4", future, "x"))
                .getMessage().startsWith("the submission time " + future + " is in the future"));
        submissions.record(ID, "ICO/5", null, "late");
        assertEquals(clock.instant(), store.find(ID).orElseThrow().icoSubmission().submittedAt(), "no time: now");
        assertEquals("incident " + ID + " already has a submission recorded (ICO/5 at " + clock.instant() + "); it is not"
                + " overwritten", assertThrows(IcoSubmissions.InvalidSubmission.class,
                () -> submissions.record(ID, "ICO/6", null, "late")).getMessage());
    }
}
