package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.core.cases.CaseOpening;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.NoticeState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The score and report handlers fed the SQS fixtures of events/sqs/ as Lambda would pass them:
 * two row batches, the first of them re-delivered, and the report trigger.
 */
@ExtendWith(EmulatorStackExtension.class)
class ScoreAndReportHandlerTest {

    /** The case the fixtures in events/sqs/ belong to. */
    static final String FIXTURE_CASE = "BT-e7e475f1c7a00001";
    /** Its incident: force {@value PipelineTarget#FORCE}, reference INC-2023-0826 (see IncidentIds). */
    static final String FIXTURE_INCIDENT = "IN-5345323007ba4d37";
    /** Notices the fixture batches plan under the default policy: the two VERY_HIGH officers and the two MEDIUM people. */
    private static final long FIXTURE_NOTICES = 4;

    private final EmulatorStack stack;

    ScoreAndReportHandlerTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void theFixtureBatchesAreScoredOnceReportedOnceAndTheirRedeliveryChangesNothing() throws Exception {
        SQSEvent scoreBatch = ownIncident(Fixtures.sqsEvent("sqs/score-batch.json"));
        SQSEvent duplicate = ownIncident(Fixtures.sqsEvent("sqs/redelivered-duplicate.json"));
        SQSEvent trigger = Fixtures.sqsEvent("sqs/report-trigger.json");
        assertEquals(scoreBatch.getRecords().get(0).getMessageId(), duplicate.getRecords().get(0).getMessageId());
        assertEquals("2", duplicate.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));

        try (PrivateQueues q = new PrivateQueues(stack)) {
            importFixturePeople(q.wiring);
            openFixtureCase(q.wiring, scoreBatch, incidentId);
            ScoreHandler scorer = new ScoreHandler(q.wiring);
            ReportHandler reporter = new ReportHandler(q.wiring);

            SQSBatchResponse scored = scorer.handleRequest(scoreBatch, new CapturingContext("score"));

            assertEquals(List.of(), scored.getBatchItemFailures());
            CaseRecord afterScoring = q.wiring.adapters().cases().find(FIXTURE_CASE).orElseThrow();
            assertEquals(CaseStatus.SCORED, afterScoring.status());
            assertEquals(5, afterScoring.counter(Counters.PERSONS_TOTAL));
            assertEquals(4, afterScoring.counter(Counters.PERSONS_MATCHED));
            assertEquals(1, afterScoring.counter(Counters.PERSONS_UNMATCHED), "MP009999 is on no roster");
            // From the fixture's rows and roster lines: the covert (MP000091) and protection (MP000186) officers,
            // both DV with name and photo, are DPC 4 x EI 1.0 + CB 1.0 = 5.0; MP000002, a Constable with name, rank
            // and photo, 1.5 x 1.0 + 1.0 = 2.5; MP000001, name and photo only, 1 x 1.0 + 1.0 = 2.0; MP009999, a pay
            // number alone, 1 x 0.25 + 1.0 = 1.25.
            assertEquals(SampleGoldens.bands(1, 2, 0, 2), RunSummary.of(afterScoring, CaseNotices.NONE, 0).bands());
            // The default policy plans a notice for everyone MEDIUM or above: the two VERY_HIGH officers' Art. 34
            // notices (waiting for two approvers) and the two MEDIUM people's information notices (released at once).
            assertEquals(FIXTURE_NOTICES, afterScoring.counter(Counters.NOTICES_PLANNED), "MEDIUM and above: 2 + 2");
            for (String pay : List.of("MP000091", "MP000186", "MP000002", "MP000001", "MP009999")) {
                List<PersonNotice> notices = q.wiring.adapters().persons().find(incidentId, pay).orElseThrow().notices();
                assertEquals(pay.equals("MP009999") ? 0 : 1, notices.size(), pay);
                boolean veryHigh = pay.equals("MP000091") || pay.equals("MP000186");
                notices.forEach(n -> assertEquals(veryHigh ? NoticeState.PLANNED : NoticeState.RELEASED, n.state(),
                        pay + ": VERY_HIGH waits for its approvers, MEDIUM is released at once"));
            }
            assertEquals(List.of(FIXTURE_CASE), triggers(q), "the flip to SCORED sent one report trigger");

            // Received twice while the case is SCORED: the first attempt's trigger may have been lost, so send it again.
            assertEquals(List.of(), scorer.handleRequest(duplicate, new CapturingContext("score")).getBatchItemFailures());
            assertEquals(afterScoring.counters(), q.wiring.adapters().cases().find(FIXTURE_CASE).orElseThrow().counters(),
                    "a re-delivered batch adds nothing");
            assertEquals(List.of(FIXTURE_CASE), triggers(q));

            CapturingContext reportLog = new CapturingContext("report");
            assertEquals(List.of(), reporter.handleRequest(trigger, reportLog).getBatchItemFailures());
            assertEquals(List.of(), reporter.handleRequest(trigger, reportLog).getBatchItemFailures());
            CaseRecord reported = q.wiring.adapters().cases().find(FIXTURE_CASE).orElseThrow();
            assertEquals(CaseStatus.REPORTED, reported.status());
            assertTrue(reportLog.text().contains("case " + FIXTURE_CASE + " reported"), reportLog.text());
            assertTrue(reportLog.text().contains("case " + FIXTURE_CASE + " was already reported"), reportLog.text());
            for (String key : ReportService.keysFor(incidentId, 1)) {
                assertTrue(q.wiring.adapters().outputs().head(key).isPresent(), key);
            }

            // Once REPORTED, a re-delivered batch triggers nothing.
            assertEquals(List.of(), scorer.handleRequest(duplicate, new CapturingContext("score")).getBatchItemFailures());
            assertEquals(List.of(), triggers(q));
            assertEquals(reported.counters(), q.wiring.adapters().cases().find(FIXTURE_CASE).orElseThrow().counters());
        }
    }

    @Test
    void aMalformedMessageIsOneFailureAndNothingOfItsBodyIsLogged() {
        SQSEvent event = Fixtures.sqsEvent("sqs/score-batch.json");
        SQSEvent.SQSMessage truncated = event.getRecords().get(0);
        truncated.setBody(truncated.getBody().substring(0, truncated.getBody().indexOf("\"surname\":\"Bates\"") + 17));
        SQSEvent.SQSMessage notABatch = event.getRecords().get(1);
        // Well-formed JSON of the right shape, but without the incident a scorer needs.
        notABatch.setBody("{\"caseId\":\"" + FIXTURE_CASE + "\",\"batchNo\":3,\"rows\":[{\"rowNumber\":1,"
                + "\"payNumber\":\"MP000186\",\"surname\":\"Wood\"}]}");
        try (PrivateQueues q = new PrivateQueues(stack)) {
            CapturingContext log = new CapturingContext("score");

            SQSBatchResponse response = new ScoreHandler(q.wiring).handleRequest(event, log);

            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            assertEquals(Set.of(truncated.getMessageId(), notABatch.getMessageId()), failed);
            assertEquals(2, log.lines().size(), "one line per failed message: " + log.lines());
            assertTrue(log.lines().get(0).contains(truncated.getMessageId()) && log.lines().get(0).contains("com.fasterxml.jackson"),
                    log.lines().get(0));
            assertTrue(log.lines().get(1).contains(notABatch.getMessageId()) && log.lines().get(1).contains("IllegalArgumentException"),
                    log.lines().get(1));
            for (String personal : List.of("MP000091", "MP000002", "MP000186", "Williams", "Bates", "Wood", "Samuel", "Kelly")) {
                assertFalse(log.text().contains(personal), "personal data in the log: " + log.text());
            }
            assertEquals(Map.of(), q.counter.snapshot(), "nothing was looked up or written");
        }
    }

    @Test
    void aBatchOfAnUnknownCaseFailsAloneAndTheLogNamesTheCaseNotThePeople() {
        SQSEvent event = Fixtures.sqsEvent("sqs/score-batch.json");
        SQSEvent.SQSMessage unknown = event.getRecords().get(0);
        unknown.setBody(unknown.getBody().replace(FIXTURE_CASE, "BT-0000000000000bad"));
        event.setRecords(List.of(unknown));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            CapturingContext log = new CapturingContext("score");

            SQSBatchResponse response = new ScoreHandler(q.wiring).handleRequest(event, log);

            assertEquals(List.of(unknown.getMessageId()), response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
            assertTrue(log.text().contains("case BT-0000000000000bad, batch 0"), log.text());
            assertFalse(log.text().contains("MP000091") || log.text().contains("Williams"), log.text());
        }
    }

    @Test
    void aTriggerThatIsNotOneOrNamesNoCaseIsAFailure() {
        SQSEvent event = Fixtures.sqsEvent("sqs/report-trigger.json");
        SQSEvent.SQSMessage garbage = event.getRecords().get(0);
        garbage.setBody("caseId=BT-e7e475f1c7a00001");
        SQSEvent.SQSMessage unknown = Fixtures.sqsEvent("sqs/report-trigger.json").getRecords().get(0);
        unknown.setMessageId("unknown-case");
        unknown.setBody(SqsReportRequests.body("BT-00000000000000ff"));
        event.setRecords(List.of(garbage, unknown));
        try (PrivateQueues q = new PrivateQueues(stack)) {
            SQSBatchResponse response = new ReportHandler(q.wiring).handleRequest(event, new CapturingContext("report"));

            assertEquals(List.of(garbage.getMessageId(), "unknown-case"),
                    response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
        }
    }

    static void importFixturePeople(FunctionWiring wiring) throws Exception {
        RosterImport roster = new RosterReader().read(Fixtures.events("staff/roster.csv"));
        Set<String> wanted = Set.of("MP000091", "MP000002", "MP000186", "MP000001");
        List<StaffMember> people = roster.members().stream().filter(m -> wanted.contains(m.payNumber())).toList();
        assertEquals(4, people.size());
        wiring.adapters().staff().putAll(people);
    }

    /**
     * The fixture names the incident its force and reference derive; this test moves it to an incident
     * of its own (the tests of one JVM share the emulated tables, and people belong to the incident).
     */
    private final String incidentId = String.format("IN-%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());

    private SQSEvent ownIncident(SQSEvent event) {
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            assertEquals(FIXTURE_INCIDENT, RowBatchMessages.parse(m.getBody()).incidentId());
            m.setBody(m.getBody().replace(FIXTURE_INCIDENT, incidentId));
        }
        return event;
    }

    /** The case as ingest would have left it: SCORING, two batches queued, joined to the incident given. */
    static void openFixtureCase(FunctionWiring wiring, SQSEvent scoreBatch, String incidentId) {
        openFixtureCase(wiring, scoreBatch, FIXTURE_CASE, incidentId);
    }

    /** The same, for a test that moved the fixtures to a case id of its own (what the batches' bodies name). */
    static void openFixtureCase(FunctionWiring wiring, SQSEvent scoreBatch, String caseId, String incidentId) {
        RowBatch first = RowBatchMessages.parse(scoreBatch.getRecords().get(0).getBody());
        assertEquals(caseId, first.caseId(), "the batches name the case opened");
        assertEquals(FIXTURE_INCIDENT, IncidentService.incidentIdFor(PipelineTarget.FORCE, first.incident(), FIXTURE_CASE),
                "the fixture names the incident its force and reference derive");
        CaseRecord candidate = CaseOpening.newCase(caseId, incidentId, "manifests/acme/met-idcard-2023.csv",
                "fixture", first.incident(), wiring.pipeline().settings().policy().version(), Clock.systemUTC().instant());
        CaseRecord opened = wiring.pipeline().lifecycle().open(candidate);
        wiring.pipeline().incidents().join(opened, PipelineTarget.FORCE);
        // As ingest does at the first staff row: the fixture's rows are staff (the general communication needs it).
        wiring.pipeline().incidents().markWorkforceManifest(incidentId, caseId);
        wiring.adapters().cases().finishIngest(caseId, 5, 5, 0, 2);
    }

    /** The case ids of the report triggers queued since the last call (taken off the queue). */
    private static List<String> triggers(PrivateQueues q) {
        List<Message> messages = q.harness().receive(q.names.reportQueueUrl(), 10, Duration.ofMillis(0));
        q.harness().deleteExcept(q.names.reportQueueUrl(), messages, Set.of());
        return messages.stream().map(m -> SqsReportRequests.caseIdFrom(m.body())).toList();
    }
}
