package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.DynamoCaseStore;
import org.breachtriage.aws.DynamoPersonStore;
import org.breachtriage.aws.DynamoStaffDirectory;
import org.breachtriage.aws.RequestCounter;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.aws.SqsReleaseRequests;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.incident.Reminder;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.golden.Rescoring;
import org.breachtriage.core.golden.SampleFiles;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseNotices.Approve;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.report.OnCallSummary;
import org.breachtriage.core.scoring.ReleaseRule;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.ManifestOptions;
import org.breachtriage.core.synthetic.SyntheticData;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole pipeline as AWS would run it, against whatever {@link PipelineTarget} it is given (the
 * no-Docker emulators, or LocalStack): upload a manifest with its sidecar, hand the S3 event to the
 * ingest handler, hand the batch queue's messages to the score handler as Lambda's SQS event source
 * would (one poison message among them), hand the report trigger to the report handler, then read
 * what the subscribers of both topics received and check it against the case store. Optionally
 * re-delivers everything and checks that nothing more happens.
 */
final class PipelineScenario {

    /** Seed and size of {@code events/staff/roster.csv} (see events/README.md). */
    static final long EVENTS_ROSTER_SEED = 20230826L;
    static final int EVENTS_ROSTER_PEOPLE = 3000;

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofMillis(1500);

    /**
     * @param rosterPeople    roster size; {@link #EVENTS_ROSTER_PEOPLE} with {@link #EVENTS_ROSTER_SEED} reads the checked-in roster
     * @param scoringWorkers  concurrent score invocations, as Lambda scales out on a deep queue
     * @param poisonMessage   put one malformed message into the first score event
     * @param redeliver       re-deliver the S3 event and every SQS event afterwards
     */
    record Spec(String label, int rosterPeople, long rosterSeed, int manifestRows, ManifestOptions options,
                int scoringWorkers, boolean poisonMessage, boolean redeliver) {

        /** A few hundred rows with rejects, duplicates and leavers, against the checked-in roster. */
        static Spec fullPipeline() {
            return new Spec("full pipeline", EVENTS_ROSTER_PEOPLE, EVENTS_ROSTER_SEED, 300,
                    ManifestOptions.defaults().withInvalidFraction(0.02).withDuplicateFraction(0.01)
                            .withUnmatchedFraction(0.02).withSelectionSeed(11),
                    2, true, true);
        }

        /** A small run that still takes every path (rejects, a poison message, re-delivery), for the calls it makes. */
        static Spec permissions() {
            return new Spec("permissions", EVENTS_ROSTER_PEOPLE, EVENTS_ROSTER_SEED, 120,
                    ManifestOptions.defaults().withInvalidFraction(0.05).withDuplicateFraction(0.02)
                            .withUnmatchedFraction(0.02).withSelectionSeed(12),
                    1, true, true);
        }

        /**
         * The request-count run: 10,000 rows against a roster of 20,000, so that, as in a real breach,
         * nearly every row is a different person (1% leavers, 0.5% listed twice). Against a smaller
         * roster the generator lists everyone several times, which measures re-scoring instead.
         */
        static Spec tenThousandRows() {
            // No repeated people: a repeat whose extra field raises the person's band plans a second notice,
            // which this scenario's checks (one notice per person) do not model. FullPipelineTest repeats 1%
            // of its rows and asserts the same budgets.
            return new Spec("10,000-row manifest", 20_000, 42L, 10_000, ManifestOptions.defaults().withDuplicateFraction(0),
                    4, false, false);
        }
    }

    /**
     * What a run measured, for the request-count table and further assertions.
     *
     * @param callsByHandler every request each handler's function made (first delivery and re-delivery),
     *                       with the resources it addressed: what its IAM policy must allow
     */
    record Result(String caseId, RunSummary summary, long batches, int notices, int releaseRequests,
                  long noticeRequestsIfPerBatch, Counts counts, Map<String, Long> redeliveryCalls,
                  Map<Class<?>, RequestCounter> callsByHandler, Map<Class<?>, Counts> firstDeliveryByHandler,
                  int scoringInvocations, int releaseInvocations) {
    }

    /** The functions' requests of the first delivery of every event (re-delivery not included). */
    record Counts(Map<String, Long> calls, Map<String, Integer> maxEntries, Map<String, Long> emulatorFallbacks,
                  Map<String, Long> conditionsFailed) {
        static Counts of(RequestCounter counter) {
            Map<String, Integer> max = new HashMap<>();
            for (String op : List.of("PublishBatch", "SendMessageBatch", "BatchGetItem", "BatchWriteItem")) {
                max.put(op, counter.maxEntries(op));
            }
            return new Counts(Map.copyOf(counter.snapshot()), Map.copyOf(max), Map.copyOf(counter.fallbackSnapshot()),
                    Map.copyOf(counter.conditionsFailedSnapshot()));
        }

        long calls(String service, String operation) {
            return calls.getOrDefault(service + "." + operation, 0L);
        }

        /** Calls sent only because the emulator left out what AWS returns ({@link RequestCounter#EMULATOR_FALLBACK}). */
        long emulatorFallbacks(String service, String operation) {
            return emulatorFallbacks.getOrDefault(service + "." + operation, 0L);
        }

        /** Calls that failed their condition (ConditionalCheckFailedException). */
        long conditionsFailed(String service, String operation) {
            return conditionsFailed.getOrDefault(service + "." + operation, 0L);
        }

        /** Calls AWS would be sent: the emulator fallbacks left out. */
        long awsCalls(String service, String operation) {
            return calls(service, operation) - emulatorFallbacks(service, operation);
        }

        int maxEntries(String operation) {
            return maxEntries.getOrDefault(operation, 0);
        }
    }

    private final PipelineTarget target;
    private final Spec spec;
    private final LambdaHarness harness;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    PipelineScenario(PipelineTarget target, Spec spec) {
        this.target = target;
        this.spec = spec;
        this.harness = new LambdaHarness(target.harness());
    }

    Result run() throws Exception {
        ResourceNames names = target.names();
        Map<String, StaffMember> roster = readRoster();
        Manifest manifest = generateManifest(roster);
        importStaff(roster, manifest);

        // A key with a space and a non-ASCII letter: the S3 event carries it form-encoded.
        String key = "manifests/acme/met-idcard-2023 août " + run + ".csv";
        S3ObjectStore uploads = new S3ObjectStore(target.harness().s3(), names.bucket());
        uploads.put(key + IngestHandler.SIDECAR_SUFFIX, Fixtures.sidecarWithOwnReference("manifests/met-idcard-2023.csv.incident.json", run),
                "application/json", Map.of());
        uploads.put(key, manifest.bytes(), "text/csv", Map.of());
        ObjectInfo uploaded = uploads.head(key).orElseThrow();
        S3Event s3Event = harness.objectCreated(names.bucket(), uploaded);

        RequestCounter counter = new RequestCounter();
        // Each function has clients of its own, as on Lambda, so its calls can be checked against its policy.
        Map<Class<?>, RequestCounter> byHandler = new HashMap<>(Map.of(IngestHandler.class, new RequestCounter(),
                ScoreHandler.class, new RequestCounter(), ReleaseHandler.class, new RequestCounter(),
                ReportHandler.class, new RequestCounter(), ClockHandler.class, new RequestCounter()));
        Wirings wirings = new Wirings(target.wiring(counter, byHandler.get(IngestHandler.class)),
                target.wiring(counter, byHandler.get(ScoreHandler.class)),
                target.wiring(counter, byHandler.get(ReleaseHandler.class)),
                target.wiring(counter, byHandler.get(ReportHandler.class)));
        // The test's own reads of the case table go through uncounted clients: the table counts the functions' requests only.
        DynamoCaseStore cases = new DynamoCaseStore(target.harness().dynamoDb(), names.caseTable());
        Message poison = null;
        Message releasePoison = null;
        try (TopicTap allAlerts = TopicTap.subscribe(target.harness(), names.alertsTopicArn());
             TopicTap notices = TopicTap.existing(target.harness(), target.resources().noticesInspectionQueueUrl());
             TopicTap federation = TopicTap.existing(target.harness(), target.resources().federationInspectionQueueUrl())) {
            if (spec.poisonMessage()) {
                poison = harness.sendAndHold(names.batchQueueUrl(), poisonBody());
                releasePoison = harness.sendAndHold(names.releaseQueueUrl(), releasePoisonBody());
            }

            // 1. Ingest, from the S3 event.
            CapturingContext ingestLog = new CapturingContext("ingest");
            IngestHandler.Summary ingested = new IngestHandler(wirings.ingest()).handleRequest(s3Event, ingestLog);
            assertEquals(1, ingested.caseIds().size(), "one manifest, one case: " + ingested);
            String caseId = ingested.caseIds().get(0);
            CaseRecord afterIngest = cases.find(caseId).orElseThrow();
            assertEquals(key, afterIngest.source(), "the case names the decoded key");
            assertEquals(CaseStatus.SCORING, afterIngest.status());
            String incidentId = afterIngest.incidentId();
            long batches = afterIngest.batchesQueued();
            assertEquals((manifest.accepted() + RowBatch.MAX_ROWS - 1) / RowBatch.MAX_ROWS, batches, "batches of at most 100 rows");

            // 2. Score, as the SQS event source mapping would deliver the batch queue.
            CapturingContext scoreLog = new CapturingContext("score");
            ScoreHandler scorer = new ScoreHandler(wirings.score());
            List<LambdaHarness.Invocation> scoring = scoreAll(scorer, scoreLog, batches, poison);
            assertOnlyThePoisonFailed(scoring, poison, scoreLog, manifest);
            assertEquals(CaseStatus.SCORED, cases.find(caseId).orElseThrow().status());
            Map<String, IncidentPerson> scored = people(names, incidentId);
            scored.values().forEach(p -> p.notices().forEach(n -> assertFalse(n.published(), "scoring tells nobody")));

            // 3. Release: one request per batch that planned notices the policy releases at once (MEDIUM's).
            Set<Long> releasingBatches = new HashSet<>();
            scored.values().forEach(p -> p.notices().stream().filter(PersonNotice::released)
                    .forEach(n -> releasingBatches.add(n.batchNo())));
            CapturingContext releaseLog = new CapturingContext("release");
            ReleaseHandler releaser = new ReleaseHandler(wirings.release());
            List<LambdaHarness.Invocation> releasing = releaseAll(releaser, releaseLog, releasingBatches, releasePoison);
            assertOnlyThePoisonFailed(releasing, releasePoison, releaseLog, manifest);
            assertNoPersonalData(releaseLog.text(), manifest, "the release function's log");

            // 4. Report, from the one trigger the SCORING → SCORED flip sent. The queue is shared with the
            // stack's other tests, so a foreign message is named as such rather than counted as a repeat.
            List<Message> triggers = receiveAll(names.reportQueueUrl(), 1);
            for (Message trigger : triggers) {
                assertEquals(caseId, SqsReportRequests.caseIdFrom(trigger.body()), "every trigger is this case's");
            }
            assertEquals(1, triggers.size(), "a report trigger, from the call that made the flip");
            assertEquals(List.of(), harness.receive(names.reportQueueUrl(), 10, Duration.ofSeconds(1)),
                    "exactly one report trigger, however many scorers ran at once");
            CapturingContext reportLog = new CapturingContext("report");
            LambdaHarness.Invocation reported = harness.invoke(names.reportQueueUrl(), triggers,
                    (event, context) -> new ReportHandler(wirings.report()).handleRequest(event, context), reportLog);
            assertEquals(Set.of(), reported.failedIds(), reportLog.text());

            // 5. What came out: MEDIUM told at once, HIGH and VERY_HIGH waiting for approvers, LOW covered by the general communication.
            CaseRecord done = cases.find(caseId).orElseThrow();
            Map<String, IncidentPerson> people = people(names, incidentId);
            RunSummary summary = RunSummary.of(done, CaseNotices.read(incidentId, caseId,
                    new DynamoPersonStore(target.harness().dynamoDb(), names.caseTable())), 0);
            assertCounters(summary, done, manifest, roster);
            for (String reportKey : ReportService.keysFor(incidentId, 1)) {
                assertTrue(uploads.head(reportKey).isPresent(), "report written: " + reportKey);
            }
            assertEquals(summary.persons().total(), people.size(), "one record per person");
            // Who must be told comes from the inputs, never from what the pipeline stored: every person as the
            // scorer makes them from their row, roster line and the sidecar, and where the policy's decision on
            // that puts them.
            Map<String, Rescoring.Expected> expected = rescore(manifest, roster);
            assertEveryPersonAsRescored(people, expected);
            Standing standing = Standing.of(people.values());
            assertEquals(Standing.expected(expected.values()), standing, "each person where the policy puts them");
            assertEquals(releasingBatches.size() > 0, !standing.toldAtOnce().isEmpty());
            assertEquals(standing.toldAtOnce().size(), summary.notices().published(), "notices counted once each");
            assertEquals(standing.highWaiting().size() + standing.veryHighWaiting().size(), summary.notices().awaitingRelease());

            List<TopicTap.Delivery> released = notices.read(standing.toldAtOnce().size() + 1, DELIVERY_TIMEOUT, QUIET,
                    ofIncident(incidentId));
            assertStaffCommunicationOnce(released, incidentId);
            assertNotices(personNotices(released), standing.toldAtOnce(), incidentId);
            assertLettersOfExactlyThePublishedNotices(uploads, incidentId);
            List<TopicTap.Delivery> federationDeliveries = federation.read(1, DELIVERY_TIMEOUT, QUIET, ofCase(caseId));
            assertFederation(federationDeliveries, manifest);
            List<TopicTap.Delivery> alertDeliveries = allAlerts.read(4, DELIVERY_TIMEOUT, QUIET, ofCase(caseId));
            assertEquals(List.of(Messages.CASE_OPENED, Messages.CASE_REPORTED, Messages.CASE_SCORED, OnCallSummary.EVENT_TYPE),
                    alertDeliveries.stream().map(TopicTap.Delivery::eventType).sorted().toList(),
                    "each alert of the case once");

            // 6. At-least-once delivery: everything again, and nothing more may happen.
            Counts firstDelivery = Counts.of(counter);
            Map<Class<?>, Counts> firstByHandler = new HashMap<>();
            byHandler.forEach((handler, handlerCounter) -> firstByHandler.put(handler, Counts.of(handlerCounter)));
            Map<String, Long> redeliveryCalls = Map.of();
            if (spec.redeliver()) {
                redeliveryCalls = redeliverEverything(wirings, cases, counter, s3Event, scoring, releasing, reported, done,
                        poison, releasePoison, notices, federation, allAlerts);
            }

            // 7. People release the rest: one approver for HIGH, a second, different identity for VERY_HIGH.
            approveTheRest(incidentId, standing, notices, uploads);
            runTheClockTwice(target.wiring(new RequestCounter(), byHandler.get(ClockHandler.class)), incidentId);
            return new Result(caseId, summary, batches, standing.toldAtOnce().size(), releasingBatches.size(),
                    noticeRequestsIfPerBatch(people), firstDelivery, redeliveryCalls, byHandler, Map.copyOf(firstByHandler),
                    scoring.size(), releasing.size());
        } finally {
            // Stand in for the dead-letter queues, where SQS moves them after maxReceiveCount receives.
            if (poison != null) {
                harness.delete(names.batchQueueUrl(), poison);
            }
            if (releasePoison != null) {
                harness.delete(names.releaseQueueUrl(), releasePoison);
            }
            wirings.close();
        }
    }

    /** Where the people stand once scoring's automatic release went out (each one manifest: one notice at most). */
    record Standing(Set<String> toldAtOnce, Set<String> highWaiting, Set<String> veryHighWaiting, Set<String> general) {
        static Standing of(java.util.Collection<IncidentPerson> people) {
            Standing s = new Standing(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (IncidentPerson p : people) {
                assertTrue(p.notices().size() <= 1, "one manifest: at most the initial notice");
                PersonNotice notice = p.notices().isEmpty() ? null : p.notices().getFirst();
                switch (p.band()) {
                    case LOW -> {
                        assertEquals(null, notice, "LOW: no notice of their own, the general staff communication");
                        s.general().add(p.payNumber());
                    }
                    case MEDIUM -> {
                        assertTrue(notice != null && notice.published() && !notice.art34(),
                                "MEDIUM: the information notice, published at once: " + notice);
                        s.toldAtOnce().add(p.payNumber());
                    }
                    case HIGH, VERY_HIGH -> {
                        assertTrue(notice != null && notice.awaitingRelease() && notice.art34(),
                                p.band() + ": an Art. 34 notice waiting for approvers: " + notice);
                        (p.band() == Band.HIGH ? s.highWaiting() : s.veryHighWaiting()).add(p.payNumber());
                    }
                }
            }
            return s;
        }

        /** Where the policy's decision on each person's independent rescoring puts them. */
        static Standing expected(java.util.Collection<Rescoring.Expected> people) {
            Standing s = new Standing(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Rescoring.Expected e : people) {
                if (!e.decision().sendsNotice()) {
                    s.general().add(e.payNumber());
                } else if (e.decision().release() == ReleaseRule.AUTO) {
                    s.toldAtOnce().add(e.payNumber());
                } else {
                    (e.band() == Band.HIGH ? s.highWaiting() : s.veryHighWaiting()).add(e.payNumber());
                }
            }
            return s;
        }
    }

    /**
     * Two people approve, as `triage --aws release` does (ReleaseService.approve, on the operator's own
     * clients): Alice's identity releases HIGH; the same identity under another name adds nothing; Bob's,
     * a different identity, releases VERY_HIGH. Every notice goes out once, with its letter.
     */
    private void approveTheRest(String incidentId, Standing standing, TopicTap notices, S3ObjectStore uploads)
            throws IOException {
        assertFalse(standing.highWaiting().isEmpty() || standing.veryHighWaiting().isEmpty(),
                "the manifest has people for one approver and for two: " + standing);
        FunctionWiring operator = target.wiring(new RequestCounter());
        try {
            ReleaseNotices release = operator.pipeline().release();
            Approver alice = Approver.byIdentity("Alice Dpo", "arn:aws:iam::000000000000:user/alice");
            Approver aliceAgain = Approver.byIdentity("A. Dpo", "arn:aws:iam::000000000000:user/alice");
            Approver bob = Approver.byIdentity("Bob Deputy", "arn:aws:sts::000000000000:assumed-role/triage-approver/bob");

            ReleaseNotices.Approved first = release.approve(new Approve(incidentId, alice, null, "checked the list"));
            assertEquals(standing.highWaiting().size(), first.published(), "one approver releases HIGH");
            ReleaseNotices.Approved sameIdentity = release.approve(new Approve(incidentId, aliceAgain, null, "again"));
            assertEquals(0, sameIdentity.counted(), "one identity under two names is one approver");
            assertEquals(0, sameIdentity.published());
            ReleaseNotices.Approved second = release.approve(new Approve(incidentId, bob, null, "second pair of eyes"));
            assertEquals(standing.veryHighWaiting().size(), second.published(), "a second identity releases VERY_HIGH");
            assertEquals(0, second.after().awaitingTotal(), "nothing waits");

            Set<String> approved = new HashSet<>(standing.highWaiting());
            approved.addAll(standing.veryHighWaiting());
            List<TopicTap.Delivery> deliveries = notices.read(approved.size(), DELIVERY_TIMEOUT, QUIET, ofIncident(incidentId));
            assertEquals(List.of(), deliveries.stream().filter(d -> !Messages.PERSON_NOTICE.equals(d.eventType())).toList(),
                    "the general staff communication went once, before");
            assertNotices(deliveries, approved, incidentId);
            assertLettersOfExactlyThePublishedNotices(uploads, incidentId);
            IncidentPerson veryHigh = people(target.names(), incidentId).get(standing.veryHighWaiting().iterator().next());
            assertEquals(List.of(alice.identity(), bob.identity()), veryHigh.notices().getFirst().approvals().stream()
                    .map(a -> a.identity()).toList(), "the notice records both approvers' identities");
        } finally {
            operator.clients().close();
        }
    }

    /** The release function draining the release queue as its event source mapping would, the poison message in the first event. */
    private List<LambdaHarness.Invocation> releaseAll(ReleaseHandler releaser, CapturingContext log, Set<Long> batches,
                                                      Message poison) {
        String queueUrl = target.names().releaseQueueUrl();
        List<LambdaHarness.Invocation> invocations = new ArrayList<>();
        Set<Long> asked = new HashSet<>();
        // As long as scoring may take: on a loaded machine dynalite spends tens of milliseconds per request.
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        boolean first = true;
        while (asked.size() < batches.size() || (first && poison != null)) {
            assertTrue(System.nanoTime() < deadline, "release requests of batches " + asked + " of " + batches + " arrived in time");
            List<Message> messages = new ArrayList<>(harness.receive(queueUrl, 10, Duration.ofSeconds(1)));
            for (Message m : messages) {
                ReleaseRequest request = SqsReleaseRequests.requestFrom(m.body());
                assertTrue(asked.add(request.batchNo()), "one request per batch: " + request.batchNo());
            }
            if (first && poison != null && (!messages.isEmpty() || batches.isEmpty())) {
                messages.add(poison);
            }
            if (!messages.isEmpty()) {
                invocations.add(harness.invoke(queueUrl, messages, releaser::handleRequest, log));
                first = false;
            }
        }
        assertEquals(batches, asked, "a release request for each batch that released notices at once, and no other");
        assertEquals(List.of(), harness.receive(queueUrl, 10, Duration.ofSeconds(1)), "no more release requests");
        return invocations;
    }

    private static String releasePoisonBody() {
        return "{\"schemaVersion\":\"3\",\"incidentId\":\"IN-0000000000000000\",\"caseId\":\"BT-0000000000000000\","
                + "\"batchNo\":0,\"payNumbers\":[\"MP000091\",\"Williams";
    }

    /**
     * The hourly clock, twice: the fixture's incident became known in 2023, so its deadline has passed and
     * the first run sends its overdue reminder; the second sends nothing new for it.
     */
    private static void runTheClockTwice(FunctionWiring clock, String incidentId) {
        try {
            ClockHandler handler = new ClockHandler(clock);
            ClockHandler.Summary first = handler.handleRequest(new ScheduledEvent(), new CapturingContext("clock"));
            assertEquals(List.of(Reminder.Threshold.OVERDUE), first.sent().stream()
                    .filter(s -> s.incidentId().equals(incidentId)).map(IncidentClock.Sent::threshold).toList());
            ClockHandler.Summary second = handler.handleRequest(new ScheduledEvent(), new CapturingContext("clock"));
            assertEquals(List.of(), second.sent().stream().filter(s -> s.incidentId().equals(incidentId)).toList(),
                    "a reminder is sent once however often the clock runs");
        } finally {
            clock.clients().close();
        }
    }

    /** The four pipeline functions' wirings, each on clients of its own. */
    private record Wirings(FunctionWiring ingest, FunctionWiring score, FunctionWiring release, FunctionWiring report)
            implements AutoCloseable {
        @Override
        public void close() {
            ingest.clients().close();
            score.clients().close();
            release.clients().close();
            report.clients().close();
        }
    }

    // --- roster and manifest ---------------------------------------------------------------------

    /** The whole roster, read as `triage staff import` reads it (name rarity is computed over all of it). */
    private Map<String, StaffMember> readRoster() throws IOException {
        RosterImport roster;
        if (spec.rosterPeople() == EVENTS_ROSTER_PEOPLE && spec.rosterSeed() == EVENTS_ROSTER_SEED) {
            roster = new RosterReader().read(Fixtures.events("staff/roster.csv"));
        } else {
            StringWriter csv = new StringWriter();
            SyntheticData.writeRoster(csv, spec.rosterPeople(), spec.rosterSeed());
            roster = new RosterReader().read("roster.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
        assertFalse(roster.hasErrors(), "roster errors: " + roster.errors());
        Map<String, StaffMember> byPayNumber = new HashMap<>();
        roster.members().forEach(m -> byPayNumber.put(m.payNumber(), m));
        return byPayNumber;
    }

    /**
     * Writes the roster's people that the manifest names to the staff table: the lookups never ask for
     * anyone else, and the emulated DynamoDB takes several milliseconds per request. The staff table is
     * shared by the tests of this JVM, so each scenario writes its own people first.
     */
    private void importStaff(Map<String, StaffMember> roster, Manifest manifest) {
        List<StaffMember> named = manifest.acceptedPayNumbers().stream().map(roster::get).filter(m -> m != null).toList();
        new DynamoStaffDirectory(target.harness().dynamoDb(), target.names().staffTable()).putAll(named);
    }

    /** The generated manifest and what a reader makes of it, to check the pipeline's accounting against. */
    record Manifest(byte[] bytes, long rowsRead, long accepted, long rejected, Set<String> acceptedPayNumbers,
                    Set<String> personalWords, List<ManifestRow> acceptedRows) {
    }

    private Manifest generateManifest(Map<String, StaffMember> roster) throws IOException {
        StringWriter csv = new StringWriter();
        SyntheticData.writeManifest(csv, spec.rosterPeople(), spec.manifestRows(), spec.rosterSeed(), spec.options());
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        SampleFiles.Read read;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            read = SampleFiles.read("manifest.csv", in);
        }
        List<ManifestRow> accepted = read.accepted();
        Set<String> payNumbers = new LinkedHashSet<>();
        Set<String> words = new HashSet<>();
        for (ManifestRow row : accepted) {
            payNumbers.add(row.payNumber());
            words.add(row.payNumber());
            addIfPresent(words, row.surname());
            StaffMember member = roster.get(row.payNumber());
            if (member != null) {
                addIfPresent(words, member.surname());
            }
        }
        return new Manifest(bytes, read.summary().rowsRead(), read.summary().rowsAccepted(), read.summary().rowsRejected(), payNumbers, words,
                List.copyOf(accepted));
    }

    private static void addIfPresent(Set<String> words, String word) {
        if (word != null && !word.isBlank()) {
            words.add(word.trim());
        }
    }

    // --- scoring as the SQS event source mapping does it --------------------------------------

    /** A truncated row batch: it starts like a real one, with a pay number and a name, and is not JSON. */
    private static String poisonBody() {
        return "{\"caseId\":\"BT-0000000000000000\",\"batchNo\":0,\"rows\":[{\"rowNumber\":1,\"payNumber\":\"MP000091\","
                + "\"surname\":\"Williams\"";
    }

    private List<LambdaHarness.Invocation> scoreAll(ScoreHandler scorer, CapturingContext log, long batches, Message poison)
            throws Exception {
        String queueUrl = target.names().batchQueueUrl();
        List<LambdaHarness.Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
        Set<String> handled = Collections.synchronizedSet(new HashSet<>());
        AtomicLong scoredBatches = new AtomicLong();
        if (poison != null) {
            // The first event mixes the poison message with a real batch, as an event source mapping may.
            List<Message> first = new ArrayList<>(receiveAll(queueUrl, 1, 1));
            first.add(poison);
            LambdaHarness.Invocation invocation = harness.invoke(queueUrl, first, scorer::handleRequest, log);
            invocations.add(invocation);
            countSucceeded(invocation, handled, scoredBatches);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(spec.scoringWorkers());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < spec.scoringWorkers(); w++) {
                running.add(workers.submit(() -> {
                    while (scoredBatches.get() < batches) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("only " + scoredBatches.get() + " of " + batches + " batches scored in time");
                        }
                        List<Message> messages = harness.receive(queueUrl, 10, Duration.ZERO);
                        if (messages.isEmpty()) {
                            Thread.sleep(50);
                            continue;
                        }
                        LambdaHarness.Invocation invocation = harness.invoke(queueUrl, messages, scorer::handleRequest, log);
                        invocations.add(invocation);
                        countSucceeded(invocation, handled, scoredBatches);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        return List.copyOf(invocations);
    }

    private static void countSucceeded(LambdaHarness.Invocation invocation, Set<String> handled, AtomicLong scored) {
        Set<String> failed = invocation.failedIds();
        invocation.event().getRecords().forEach(m -> {
            if (!failed.contains(m.getMessageId()) && handled.add(m.getMessageId())) {
                scored.incrementAndGet();
            }
        });
    }

    /** The poison message (if any) failed, alone and quietly, in the first event; every real message succeeded. */
    private void assertOnlyThePoisonFailed(List<LambdaHarness.Invocation> invocations, Message poison, CapturingContext log,
                                           Manifest manifest) {
        if (poison != null) {
            assertPoisonReportedAlone(invocations.get(0), poison, log, manifest);
        }
        for (LambdaHarness.Invocation invocation : invocations) {
            Set<String> failed = invocation.failedIds();
            failed.remove(poison == null ? "" : poison.messageId());
            assertEquals(Set.of(), failed, "real messages never fail; log: " + log.text());
        }
    }

    private void assertPoisonReportedAlone(LambdaHarness.Invocation first, Message poison, CapturingContext log,
                                           Manifest manifest) {
        assertTrue(first.event().getRecords().size() > 1, "the poison message shares its event with real messages");
        assertEquals(Set.of(poison.messageId()), first.failedIds(), "only the malformed message is reported failed");
        String logged = log.text();
        assertTrue(logged.contains(poison.messageId()), "the failure names the message: " + logged);
        assertTrue(logged.contains("com.fasterxml.jackson."), "the failure names the parser's exception class: " + logged);
        for (String word : List.of("MP000091", "Williams")) {
            assertFalse(logged.contains(word), "no personal data from the body in the log: " + logged);
        }
        assertNoPersonalData(logged, manifest, "the score function's log");
    }

    // --- reading queues ---------------------------------------------------------------------

    /** Receives until {@code expected} messages are in hand or a few seconds passed; they stay in flight. */
    private List<Message> receiveAll(String queueUrl, int expected) {
        return receiveAll(queueUrl, expected, 10);
    }

    private List<Message> receiveAll(String queueUrl, int expected, int max) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (messages.size() < expected && System.nanoTime() < deadline) {
            messages.addAll(harness.receive(queueUrl, max - messages.size(), Duration.ofSeconds(1)));
        }
        return messages;
    }

    private static java.util.function.Predicate<TopicTap.Delivery> ofCase(String caseId) {
        return delivery -> caseId.equals(delivery.document().path("caseId").asText());
    }

    private static java.util.function.Predicate<TopicTap.Delivery> ofIncident(String incidentId) {
        return delivery -> incidentId.equals(delivery.document().path("incidentId").asText());
    }

    private static List<TopicTap.Delivery> personNotices(List<TopicTap.Delivery> deliveries) {
        return deliveries.stream().filter(d -> Messages.PERSON_NOTICE.equals(d.eventType())).toList();
    }

    private Map<String, IncidentPerson> people(ResourceNames names, String incidentId) {
        Map<String, IncidentPerson> people = new HashMap<>();
        new DynamoPersonStore(target.harness().dynamoDb(), names.caseTable()).forEach(incidentId,
                p -> people.put(p.payNumber(), p));
        return people;
    }

    // --- assertions -------------------------------------------------------------------------

    private static void assertCounters(RunSummary summary, CaseRecord done, Manifest manifest, Map<String, StaffMember> roster) {
        assertEquals(CaseStatus.REPORTED.name(), summary.status());
        assertEquals(manifest.rowsRead(), summary.rows().read(), "rows read");
        assertEquals(manifest.accepted(), summary.rows().accepted(), "rows accepted");
        assertEquals(manifest.rejected(), summary.rows().rejected(), "rows rejected");
        assertEquals(summary.rows().read(), summary.rows().accepted() + summary.rows().rejected(), "read = accepted + rejected");
        long matched = manifest.acceptedPayNumbers().stream().filter(roster::containsKey).count();
        assertEquals(manifest.acceptedPayNumbers().size(), summary.persons().total(), "one person per distinct pay number");
        assertEquals(matched, summary.persons().matched(), "matched against the roster");
        assertEquals(summary.persons().total(), summary.persons().matched() + summary.persons().unmatched(),
                "persons = matched + unmatched");
        assertTrue(summary.balances(), "the run summary balances: " + summary);
        assertTrue(done.allBatchesDone());
    }

    /**
     * Each person's manifest row(s), roster record and the incident (the sidecar's circumstances, as
     * written in events/: malicious, unknown recipients) handed straight to the scorer.
     */
    private Map<String, Rescoring.Expected> rescore(Manifest manifest, Map<String, StaffMember> roster) {
        IncidentMetadata sidecar = SampleGoldens.MET_INCIDENT;
        IncidentMetadata ownReference = new IncidentMetadata(sidecar.supplier(), sidecar.reference() + "-" + run,
                sidecar.awareAt(), sidecar.malicious(), sidecar.confidentiality(), sidecar.integrity(),
                sidecar.availability(), sidecar.defaultExposedFields(), List.of());
        return Rescoring.of(ScoringPolicy.loadDefault(), roster,
                List.of(new Rescoring.Listing(ownReference, manifest.acceptedRows())));
    }

    /** Every stored person is exactly what the independent rescoring says: exposure, DPC, EI, CB, score, band, reasons. */
    private static void assertEveryPersonAsRescored(Map<String, IncidentPerson> people,
                                                    Map<String, Rescoring.Expected> expected) {
        assertEquals(expected.keySet(), people.keySet(), "one record per pay number the manifest accepted");
        for (Rescoring.Expected e : expected.values()) {
            IncidentPerson stored = people.get(e.payNumber());
            assertEquals(e.exposed(), stored.exposed(), e.payNumber() + " exposure");
            assertEquals(e.matched(), stored.matched(), e.payNumber() + " matched");
            assertEquals(e.assessment(), stored.assessment(), e.payNumber() + " assessment");
        }
    }

    private static void assertNotices(List<TopicTap.Delivery> deliveries, Set<String> mustNotify, String incidentId) {
        List<String> payNumbers = new ArrayList<>();
        for (TopicTap.Delivery d : deliveries) {
            assertEquals(Messages.PERSON_NOTICE, d.eventType());
            assertEquals(incidentId, d.document().path("incidentId").asText());
            assertEquals("initial", d.document().path("noticeKind").asText());
            String payNumber = d.document().path("payNumber").asText();
            payNumbers.add(payNumber);
            String noticeId = incidentId + "-notice-" + payNumber + "-initial-" + d.document().path("band").asText();
            assertEquals(noticeId, d.attributes().get("messageId"), "the id subscribers de-duplicate on");
            assertEquals(Letters.noticeKey(incidentId, noticeId), d.document().path("letterKey").asText(),
                    "the notice points at its letter");
            assertFalse(d.raw().contains("Dear "), "and does not carry the letter's text");
        }
        assertEquals(mustNotify.size(), payNumbers.size(), "exactly one notice per person who must be told now");
        assertEquals(mustNotify, new HashSet<>(payNumbers), "notices went to exactly the people who must be told now");
    }

    private static void assertStaffCommunicationOnce(List<TopicTap.Delivery> deliveries, String incidentId) {
        List<TopicTap.Delivery> general = deliveries.stream()
                .filter(d -> Messages.STAFF_COMMUNICATION.equals(d.eventType())).toList();
        assertEquals(1, general.size(), "the incident's general staff communication, once");
        assertEquals(Letters.generalKey(incidentId), general.get(0).document().path("letterKey").asText());
        assertFalse(general.get(0).document().has("payNumber"), "it names nobody");
    }

    /** Under letters/<incident>/: a letter for each published notice and the general communication's text, nothing else. */
    private void assertLettersOfExactlyThePublishedNotices(S3ObjectStore uploads, String incidentId) throws IOException {
        Set<String> expected = new HashSet<>(Set.of(Letters.generalKey(incidentId)));
        people(target.names(), incidentId).values().forEach(p -> p.notices().stream().filter(PersonNotice::published)
                .forEach(n -> expected.add(Letters.noticeKey(incidentId, n.noticeId()))));
        assertEquals(expected, new HashSet<>(uploads.list(Letters.PREFIX + incidentId + "/")),
                "letters for exactly the notices published, none for a notice still waiting");
    }

    private static void assertFederation(List<TopicTap.Delivery> deliveries, Manifest manifest) {
        assertEquals(1, deliveries.size(), "the Federation receives the summary and nothing else: "
                + deliveries.stream().map(TopicTap.Delivery::eventType).toList());
        TopicTap.Delivery summary = deliveries.get(0);
        assertEquals(FederationSummary.EVENT_TYPE, summary.eventType());
        assertNoPersonalData(summary.raw(), manifest, "the Federation's message");
        assertNoPersonalData(summary.attributes().toString(), manifest, "the Federation's message attributes");
    }

    /** No pay number and no surname of anyone in the manifest, as a whole word, anywhere in the text. */
    static void assertNoPersonalData(String text, Manifest manifest, String where) {
        assertNoPersonalData(text, manifest.personalWords(), where);
    }

    /** None of these words (pay numbers, names) as a whole word anywhere in the text. */
    static void assertNoPersonalData(String text, Set<String> personalWords, String where) {
        for (String word : personalWords) {
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
            assertFalse(whole.matcher(text).find(), where + " contains '" + word + "' from the manifest or roster");
        }
    }

    // --- re-delivery ------------------------------------------------------------------------

    private Map<String, Long> redeliverEverything(Wirings wirings, DynamoCaseStore cases, RequestCounter counter,
                                                  S3Event s3Event, List<LambdaHarness.Invocation> scoring,
                                                  List<LambdaHarness.Invocation> releasing,
                                                  LambdaHarness.Invocation reported, CaseRecord done, Message poison,
                                                  Message releasePoison, TopicTap notices, TopicTap federation,
                                                  TopicTap allAlerts) {
        String caseId = done.caseId();
        Map<String, Long> before = counter.snapshot();

        IngestHandler.Summary again = new IngestHandler(wirings.ingest()).handleRequest(s3Event, new CapturingContext("ingest"));
        assertEquals(List.of(caseId), again.caseIds(), "the same S3 event finds the same case");
        redeliver(scoring, new ScoreHandler(wirings.score())::handleRequest, poison, "score");
        CapturingContext releaseLog = redeliver(releasing, new ReleaseHandler(wirings.release())::handleRequest,
                releasePoison, "release");
        assertFalse(releaseLog.text().matches("(?s).*: [1-9][0-9]* notice\\(s\\) published.*"),
                "nothing published again: " + releaseLog.text());
        SQSBatchResponse reportAgain = new ReportHandler(wirings.report()).handleRequest(reported.event(), new CapturingContext("report"));
        assertTrue(reportAgain.getBatchItemFailures().isEmpty());

        CaseRecord after = cases.find(caseId).orElseThrow();
        assertEquals(done.status(), after.status());
        assertEquals(done.counters(), after.counters(), "no counter moves on re-delivery");
        assertEquals(List.of(), harness.receive(target.names().reportQueueUrl(), 10, Duration.ofSeconds(1)),
                "no second report trigger");
        assertEquals(List.of(), notices.read(0, DELIVERY_TIMEOUT, QUIET, ofIncident(done.incidentId())),
                "no notice twice, and no second general communication");
        // The first quiet period covered the time for SNS to deliver; these read what it delivered meanwhile.
        assertEquals(List.of(), federation.read(0, DELIVERY_TIMEOUT, Duration.ofMillis(300), ofCase(caseId)), "no second summary");
        assertEquals(List.of(), allAlerts.read(0, DELIVERY_TIMEOUT, Duration.ofMillis(300), ofCase(caseId)), "no alert twice");

        Map<String, Long> redelivery = new java.util.TreeMap<>();
        counter.snapshot().forEach((k, v) -> {
            long added = v - before.getOrDefault(k, 0L);
            if (added > 0) {
                redelivery.put(k, added);
            }
        });
        assertFalse(redelivery.containsKey("Sns.PublishBatch") || redelivery.containsKey("Sns.Publish"),
                "re-delivery publishes nothing: " + redelivery);
        assertFalse(redelivery.containsKey("Sqs.SendMessage") || redelivery.containsKey("Sqs.SendMessageBatch"),
                "re-delivery queues nothing: " + redelivery);
        assertFalse(redelivery.containsKey("S3.PutObject"), "re-delivery writes no letter and no report: " + redelivery);
        return redelivery;
    }

    /** Hands each event to the handler again; only the poison message (in the first event) fails again. Returns the log. */
    private static CapturingContext redeliver(List<LambdaHarness.Invocation> invocations,
                                              java.util.function.BiFunction<SQSEvent, CapturingContext, SQSBatchResponse> handler,
                                              Message poison, String function) {
        CapturingContext log = new CapturingContext(function);
        for (LambdaHarness.Invocation invocation : invocations) {
            Set<String> failed = new HashSet<>();
            handler.apply(invocation.event(), log).getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            assertEquals(poison != null && invocation == invocations.get(0) ? Set.of(poison.messageId()) : Set.of(), failed,
                    function + " re-delivered: " + log.text());
        }
        return log;
    }

    /**
     * PublishBatch requests if each release request packs the notices of its batch ten to a request, for
     * the notices published when this is read: every notice records the batch that planned it, so this is exact.
     */
    private static long noticeRequestsIfPerBatch(Map<String, IncidentPerson> people) {
        Map<Long, Long> perBatch = new HashMap<>();
        for (IncidentPerson p : people.values()) {
            p.notices().stream().filter(PersonNotice::published).forEach(n -> perBatch.merge(n.batchNo(), 1L, Long::sum));
        }
        return perBatch.values().stream().mapToLong(n -> (n + 9) / 10).sum();
    }
}
