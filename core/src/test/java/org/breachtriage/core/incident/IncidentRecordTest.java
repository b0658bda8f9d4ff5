package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.incident.Reminder.State;
import org.breachtriage.core.incident.Reminder.Threshold;
import org.junit.jupiter.api.Test;

/** The incident record's own rules: every change is the next version, lists stay in order, the clock runs from the earliest awareness. */
class IncidentRecordTest {
    private static final Instant T0 = Instant.parse("2023-08-24T09:00:00Z");
    private final IncidentRecord opened = IncidentRecord.open("IN-00000000000000d1", "Metropolitan Police Service",
            "INC-D1", "Acme", manifest("BT-a", T0, null), T0.plusSeconds(60));

    private static IncidentManifest manifest(String caseId, Instant awareAt, String supersededBy) {
        return new IncidentManifest(caseId, "manifests/" + caseId + ".csv", awareAt, awareAt, supersededBy);
    }

    @Test
    void aNewIncidentStartsAtVersionZeroWithItsFirstManifestsAwareness() {
        assertEquals(0, opened.version());
        assertEquals(T0, opened.earliestAwareAt());
        assertEquals(T0.plus(Duration.ofHours(72)), opened.art33Deadline());
        assertEquals(T0.plusSeconds(60), opened.openedAt());
        assertFalse(opened.ownManifestOnly());
        assertTrue(IncidentRecord.open("IN-x", "F", null, "S", manifest("BT-b", T0, null), T0).ownManifestOnly());
    }

    @Test
    void aLaterManifestJoinsOnceAndAnEarlierAwarenessMovesTheDeadline() {
        IncidentRecord later = opened.withManifest(manifest("BT-b", T0.plusSeconds(3600), null));
        assertEquals(1, later.version());
        assertEquals(T0, later.earliestAwareAt(), "a later awareness does not move it");
        IncidentRecord earlier = later.withManifest(manifest("BT-c", T0.minusSeconds(7200), null));
        assertEquals(2, earlier.version());
        assertEquals(T0.minusSeconds(7200), earlier.earliestAwareAt());
        assertEquals(List.of("BT-a", "BT-b", "BT-c"), earlier.manifests().stream().map(IncidentManifest::caseId).toList());
        assertSame(earlier, earlier.withManifest(manifest("BT-b", T0.minusSeconds(99_999), null)), "already a member");
    }

    @Test
    void supersedingMarksOneManifestAndLeavesTheOthersActive() {
        IncidentRecord two = opened.withManifest(manifest("BT-b", T0, null));
        IncidentRecord superseded = two.withSuperseded("BT-a", "BT-b");
        assertEquals(2, superseded.version());
        assertEquals(Set.of("BT-a"), superseded.supersededCaseIds());
        assertEquals(List.of("BT-b"), superseded.activeCaseIds());
        assertEquals("BT-b", superseded.manifest("BT-a").orElseThrow().supersededBy());
        assertEquals("BT-b", superseded.withSuperseded("BT-a", "BT-z").manifest("BT-a").orElseThrow().supersededBy(),
                "superseded once, by the first");
        assertEquals(Optional.empty(), superseded.manifest("BT-none"));
    }

    @Test
    void reportsAreKeptInNumberOrderAndAReplacedReportKeepsItsPlace() {
        IncidentReport first = new IncidentReport(1, "BT-a", T0, Map.of("persons.total", 3L), false);
        IncidentReport second = new IncidentReport(2, "BT-b", T0, Map.of(), false);
        IncidentRecord withBoth = opened.withReport(second).withReport(first);
        assertEquals(2, withBoth.version());
        assertEquals(List.of(1, 2), withBoth.reports().stream().map(IncidentReport::number).toList());
        IncidentRecord published = withBoth.withReport(first.asPublished());
        assertEquals(List.of(true, false), published.reports().stream().map(IncidentReport::published).toList());
        assertEquals(Optional.of(second), published.report(2));
        assertEquals(Optional.empty(), published.report(3));
        assertEquals(Optional.of(second), published.reportFor("BT-b"));
    }

    @Test
    void aReportsPhaseIsInitialThenNumberedFollowUps() {
        assertTrue(new IncidentReport(1, "BT-a", T0, Map.of(), false).initial());
        assertEquals("initial", new IncidentReport(1, "BT-a", T0, Map.of(), false).phase());
        assertFalse(new IncidentReport(2, "BT-a", T0, Map.of(), false).initial());
        assertEquals("follow-up 1", new IncidentReport(2, "BT-a", T0, Map.of(), false).phase());
        assertEquals("follow-up 3", new IncidentReport(4, "BT-a", T0, Map.of(), false).phase());
    }

    @Test
    void remindersAreKeptInThresholdOrderOnePerThreshold() {
        IncidentRecord r = opened.withReminder(new Reminder(Threshold.OVERDUE, State.PLANNED, T0))
                .withReminder(new Reminder(Threshold.HOURS_24, State.SKIPPED, T0))
                .withReminder(new Reminder(Threshold.OVERDUE, State.SENT, T0.plusSeconds(1)));
        assertEquals(3, r.version());
        assertEquals(List.of(new Reminder(Threshold.HOURS_24, State.SKIPPED, T0),
                new Reminder(Threshold.OVERDUE, State.SENT, T0.plusSeconds(1))), r.reminders());
        assertEquals(Optional.empty(), r.reminder(Threshold.HOURS_6));
        assertEquals("24h", Threshold.HOURS_24.label());
        assertEquals("overdue", Threshold.OVERDUE.label());
    }

    @Test
    void recordingTheIcoSubmissionIsTheNextVersion() {
        IcoSubmission submission = new IcoSubmission(T0, "ICO/1", null, T0);
        IncidentRecord submitted = opened.withIcoSubmission(submission);
        assertEquals(1, submitted.version());
        assertEquals(submission, submitted.icoSubmission());
    }
}
