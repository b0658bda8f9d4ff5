package org.breachtriage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.ports.contract.ContractData;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.breachtriage.core.testing.RecordingReportRequests;
import org.junit.jupiter.api.Test;

/**
 * The case lifecycle, one owner for "is this case scored now, and who asks for its report?". These
 * pin the trigger behaviour the handlers and the local pipeline had before it moved here: exactly
 * one SCORING → SCORED move per case however many callers see the last batch, a report request from
 * the call that made it, and again only when a re-delivery may have lost the first one.
 */
class CaseLifecycleTest {
    private static final Instant NOW = Instant.parse("2023-08-26T12:00:00Z");

    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingReportRequests reports = new RecordingReportRequests();
    private final CaseLifecycle lifecycle = new CaseLifecycle(cases, publisher, reports,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private String openCase() {
        String caseId = "BT-" + String.format("%016x", System.nanoTime());
        lifecycle.open(ContractData.caseRecord(caseId, NOW));
        publisher.clear();
        return caseId;
    }

    // --- opening and failing ----------------------------------------------------------------

    @Test
    void openingLogsTheDecisionsAndAlertsOnCallOnlyTheFirstTime() {
        String caseId = "BT-00000000000000a1";
        CaseRecord candidate = ContractData.caseRecord(caseId, NOW);

        CaseRecord first = lifecycle.open(candidate);
        CaseRecord second = lifecycle.open(ContractData.otherCaseRecord(caseId, NOW.plusSeconds(5)));

        assertEquals(candidate, first);
        assertEquals(candidate, second, "a second open returns the stored case, not the new candidate");
        assertEquals(List.of(Messages.CASE_OPENED), publisher.alertTypes(), "case.opened once");
        List<String> logged = cases.decisions(caseId).stream().map(DecisionEntry::decision).toList();
        assertEquals(List.of("opened", "assumption", "warning", "mitigation", "mitigation", "mitigation", "mitigation",
                        "mitigation", "art33 notification required"), logged,
                "the incident metadata's warning (an unknown field) goes in the log with its assumptions, then the"
                        + " effect of each of its five mitigations");
    }

    @Test
    void aCaseFailsOnceWithItsReasonAndOnCallIsToldOnce() {
        String caseId = openCase();
        CaseRecord c = cases.find(caseId).orElseThrow();

        assertTrue(lifecycle.fail(c, "no pay_number column"));
        assertFalse(lifecycle.fail(c, "no pay_number column"), "already failed");

        assertEquals(CaseStatus.FAILED, cases.find(caseId).orElseThrow().status());
        assertEquals("no pay_number column", cases.find(caseId).orElseThrow().failureReason());
        assertEquals(List.of(Messages.CASE_FAILED), publisher.alertTypes());
        assertEquals(List.of(), reports.requested());
    }

    // --- ingest finishing ---------------------------------------------------------------------

    @Test
    void aManifestWithNothingToScoreIsScoredByIngestWhichAsksForTheReport() {
        String caseId = openCase();

        CaseLifecycle.Ingested ingested = lifecycle.ingested(caseId, 3, 0, 3, 0);

        assertTrue(ingested.scoredNow());
        assertEquals(CaseStatus.SCORED, ingested.caseRecord().status());
        assertEquals(List.of(caseId), reports.requested());
        assertEquals(List.of(Messages.CASE_SCORED), publisher.alertTypes());
        assertEquals(3, ingested.caseRecord().counter(Counters.ROWS_READ));
    }

    @Test
    void ingestThatFinishesWithBatchesOutstandingLeavesTheCaseScoring() {
        String caseId = openCase();

        CaseLifecycle.Ingested ingested = lifecycle.ingested(caseId, 250, 250, 0, 3);

        assertFalse(ingested.scoredNow());
        assertEquals(CaseStatus.SCORING, ingested.caseRecord().status());
        assertEquals(List.of(), reports.requested());
        assertEquals(List.of(), publisher.alertTypes());
        assertEquals("ingested", cases.decisions(caseId).getLast().decision());
    }

    @Test
    void whenTheScorersFinishBeforeIngestHasCountedTheBatchesIngestMakesTheMove() {
        String caseId = openCase();
        // Both batches are scored while ingest is still reading: nobody knows yet that they are the last.
        assertFalse(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), false));
        assertFalse(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 1, Map.of()), false));
        assertEquals(List.of(), reports.requested());

        CaseLifecycle.Ingested ingested = lifecycle.ingested(caseId, 200, 200, 0, 2);

        assertTrue(ingested.scoredNow());
        assertEquals(List.of(caseId), reports.requested());
    }

    @Test
    void aReDeliveredManifestEventAsksAgainOnlyWhileTheCaseWaitsInScored() {
        String scored = openCase();
        lifecycle.ingested(scored, 1, 0, 1, 0);
        String scoring = openCase();
        lifecycle.ingested(scoring, 100, 100, 0, 1);
        String reported = openCase();
        lifecycle.ingested(reported, 1, 0, 1, 0);
        assertTrue(lifecycle.reported(reported, "reports written"));
        reports.clear();

        lifecycle.foundAlreadyIngested(cases.find(scored).orElseThrow());
        lifecycle.foundAlreadyIngested(cases.find(scoring).orElseThrow());
        lifecycle.foundAlreadyIngested(cases.find(reported).orElseThrow());

        assertEquals(List.of(scored), reports.requested(),
                "an earlier attempt may have died before its request; SCORING and REPORTED need none");
    }

    // --- batches ------------------------------------------------------------------------------

    @Test
    void onlyTheLastBatchMovesTheCaseAndAsksForTheReport() {
        String caseId = openCase();
        lifecycle.ingested(caseId, 300, 300, 0, 3);

        assertFalse(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), false));
        assertFalse(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 2, Map.of()), false));
        assertEquals(List.of(), reports.requested());
        assertTrue(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 1, Map.of()), false));

        assertEquals(CaseStatus.SCORED, cases.find(caseId).orElseThrow().status());
        assertEquals(List.of(caseId), reports.requested());
        assertEquals(List.of(Messages.CASE_SCORED), publisher.alertTypes());
    }

    @Test
    void aReDeliveredBatchAsksAgainOnlyWhenItWasHandedOutBeforeAndTheCaseIsStillScored() {
        String caseId = openCase();
        lifecycle.ingested(caseId, 100, 100, 0, 1);
        assertTrue(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), false));
        reports.clear();

        Optional<CaseRecord> alreadyCounted = cases.completeBatch(caseId, 0, Map.of());
        assertTrue(alreadyCounted.isEmpty(), "the store counts a batch once");

        assertFalse(lifecycle.batchScored(caseId, alreadyCounted, false));
        assertEquals(List.of(), reports.requested(), "a first delivery of a counted batch is a duplicate: no request");

        assertFalse(lifecycle.batchScored(caseId, alreadyCounted, true));
        assertEquals(List.of(caseId), reports.requested(), "the attempt that flipped it may have died before asking");

        assertTrue(lifecycle.reported(caseId, "reports written"));
        reports.clear();
        lifecycle.batchScored(caseId, alreadyCounted, true);
        assertEquals(List.of(), reports.requested(), "a reported case needs no request");
        assertEquals(List.of(Messages.CASE_SCORED), publisher.alertTypes(), "case.scored once in all of this");
    }

    @Test
    void aCountedBatchWhoseAttemptDiedBeforeTheMoveMakesItOnRetry() {
        String caseId = openCase();
        lifecycle.ingested(caseId, 100, 100, 0, 1);
        // The first attempt counted the batch and died before it could move the case.
        assertTrue(cases.completeBatch(caseId, 0, Map.of()).isPresent());
        assertEquals(CaseStatus.SCORING, cases.find(caseId).orElseThrow().status());

        assertTrue(lifecycle.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), true));

        assertEquals(CaseStatus.SCORED, cases.find(caseId).orElseThrow().status());
        assertEquals(List.of(caseId), reports.requested());
    }

    @Test
    void manyCallersSeeingTheLastBatchMoveTheCaseExactlyOnce() throws Exception {
        String caseId = openCase();
        lifecycle.ingested(caseId, 100, 100, 0, 1);
        Optional<CaseRecord> done = cases.completeBatch(caseId, 0, Map.of());
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> moves = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                Callable<Boolean> call = () -> {
                    start.await();
                    return lifecycle.batchScored(caseId, done, false);
                };
                moves.add(pool.submit(call));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> move : moves) {
                winners += move.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(caseId), reports.requested());
        assertEquals(List.of(Messages.CASE_SCORED), publisher.alertTypes());
    }

    // --- reporting ----------------------------------------------------------------------------

    @Test
    void aCaseIsReportedOnceAndOnlyFromScored() {
        String caseId = openCase();
        assertFalse(lifecycle.reported(caseId, "too early"), "an INGESTING case cannot be reported");
        lifecycle.ingested(caseId, 1, 0, 1, 0);

        assertTrue(lifecycle.reported(caseId, "reports written"));
        assertFalse(lifecycle.reported(caseId, "reports written"));

        assertEquals(CaseStatus.REPORTED, cases.find(caseId).orElseThrow().status());
        assertEquals(1, cases.decisions(caseId).stream().filter(d -> d.decision().equals("reported")).count());
    }

    @Test
    void checkingAFullyScoredCaseAgainChangesNothing() {
        String caseId = openCase();
        lifecycle.ingested(caseId, 1, 0, 1, 0);
        reports.clear();
        publisher.clear();

        assertFalse(lifecycle.scoredIfComplete(cases.find(caseId).orElseThrow()));

        assertEquals(List.of(), reports.requested());
        assertEquals(List.of(), publisher.alertTypes());
    }

    // --- alerts once, across a publisher that dies ----------------------------------------------

    /**
     * The scorer that moved the case to SCORED died publishing case.scored (its claim was taken, the
     * publish never landed). The re-delivered batch finds the claim run out and publishes it, once, and
     * asks for the report; a later re-delivery and the report step find it sent and publish nothing.
     */
    @Test
    void anAlertWhosePublisherDiedIsPublishedByTheNextReDeliveryAndOnlyOnce() {
        MutableClock clock = new MutableClock(NOW);
        NoticePublisher dying = (topic, messages) -> {
            throw new IllegalStateException("the function died publishing");
        };
        CaseLifecycle crashing = new CaseLifecycle(cases, dying, reports, clock);
        CaseLifecycle healthy = new CaseLifecycle(cases, publisher, reports, clock);
        String caseId = openCase();
        healthy.ingested(caseId, 100, 100, 0, 1);

        try {
            crashing.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), false);
        } catch (IllegalStateException expected) {
            // as the Lambda would: the message goes back to the queue
        }
        assertEquals(CaseStatus.SCORED, cases.find(caseId).orElseThrow().status());
        assertEquals(List.of(), reports.requested(), "it died before asking for the report");

        healthy.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), true);
        assertEquals(List.of(), publisher.alertTypes(), "within the claim's lease the dead publisher might still be at work");

        clock.advance(CaseLifecycle.ALERT_LEASE);
        healthy.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), true);
        healthy.batchScored(caseId, cases.completeBatch(caseId, 0, Map.of()), true);
        healthy.catchUpAlerts(cases.find(caseId).orElseThrow());

        assertEquals(List.of(Messages.CASE_SCORED), publisher.alertTypes(), "case.scored once, case.opened not again");
        assertEquals(caseId + "-" + Messages.CASE_SCORED, publisher.on(org.breachtriage.core.ports.Topic.ALERTS).getFirst().id());
        assertTrue(reports.requested().contains(caseId), "the re-delivery asked for the report");
    }
}
