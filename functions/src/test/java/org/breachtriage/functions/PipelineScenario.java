package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
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
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.Reminder;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.golden.Rescoring;
import org.breachtriage.core.golden.SampleFiles;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import org.breachtriage.core.report.FederationSummary;
import org.breachtriage.core.report.OnCallSummary;
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
            return new Spec("10,000-row manifest", 20_000, 42L, 10_000, ManifestOptions.defaults(), 4, false, false);
        }
    }

    /**
     * What a run measured, for the request-count table and further assertions.
     *
     * @param callsByHandler every request each handler's function made (first delivery and re-delivery),
     *                       with the resources it addressed: what its IAM policy must allow
     */
    record Result(String caseId, RunSummary summary, long batches, int notices, long noticeRequestsIfPerBatch,
                  Counts counts, Map<String, Long> redeliveryCalls, Map<Class<?>, RequestCounter> callsByHandler) {
    }

    /** The functions' requests of the first delivery of every event (re-delivery not included). */
    record Counts(Map<String, Long> calls, Map<String, Integer> maxEntries) {
        static Counts of(RequestCounter counter) {
            Map<String, Integer> max = new HashMap<>();
            for (String op : List.of("PublishBatch", "SendMessageBatch", "BatchGetItem", "BatchWriteItem")) {
                max.put(op, counter.maxEntries(op));
            }
            return new Counts(Map.copyOf(counter.snapshot()), Map.copyOf(max));
        }

        long calls(String service, String operation) {
            return calls.getOrDefault(service + "." + operation, 0L);
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
                ScoreHandler.class, new RequestCounter(), ReportHandler.class, new RequestCounter(),
                ClockHandler.class, new RequestCounter()));
        Wirings wirings = new Wirings(target.wiring(counter, byHandler.get(IngestHandler.class)),
                target.wiring(counter, byHandler.get(ScoreHandler.class)), target.wiring(counter, byHandler.get(ReportHandler.class)));
        // The test's own reads of the case table go through uncounted clients: the table counts the functions' requests only.
        DynamoCaseStore cases = new DynamoCaseStore(target.harness().dynamoDb(), names.caseTable());
        Message poison = null;
        try (TopicTap allAlerts = TopicTap.subscribe(target.harness(), names.alertsTopicArn());
             TopicTap notices = TopicTap.existing(target.harness(), target.resources().noticesInspectionQueueUrl());
             TopicTap federation = TopicTap.existing(target.harness(), target.resources().federationInspectionQueueUrl())) {
            if (spec.poisonMessage()) {
                poison = harness.sendAndHold(names.batchQueueUrl(), poisonBody());
            }

            // 1. Ingest, from the S3 event.
            CapturingContext ingestLog = new CapturingContext("ingest");
            IngestHandler.Summary ingested = new IngestHandler(wirings.ingest()).handleRequest(s3Event, ingestLog);
            assertEquals(1, ingested.caseIds().size(), "one manifest, one case: " + ingested);
            String caseId = ingested.caseIds().get(0);
            CaseRecord afterIngest = cases.find(caseId).orElseThrow();
            assertEquals(key, afterIngest.source(), "the case names the decoded key");
            assertEquals(CaseStatus.SCORING, afterIngest.status());
            long batches = afterIngest.batchesQueued();
            assertEquals((manifest.accepted() + RowBatch.MAX_ROWS - 1) / RowBatch.MAX_ROWS, batches, "batches of at most 100 rows");

            // 2. Score, as the SQS event source mapping would deliver the batch queue.
            CapturingContext scoreLog = new CapturingContext("score");
            ScoreHandler scorer = new ScoreHandler(wirings.score());
            List<LambdaHarness.Invocation> scoring = scoreAll(scorer, scoreLog, batches, poison);
            if (poison != null) {
                assertPoisonReportedAlone(scoring, poison, scoreLog, manifest);
            }
            for (LambdaHarness.Invocation invocation : scoring) {
                Set<String> failed = invocation.failedIds();
                failed.remove(poison == null ? "" : poison.messageId());
                assertEquals(Set.of(), failed, "real batches never fail; log: " + scoreLog.text());
            }
            assertEquals(CaseStatus.SCORED, cases.find(caseId).orElseThrow().status());

            // 3. Report, from the one trigger the SCORING → SCORED flip sent.
            List<Message> triggers = receiveAll(names.reportQueueUrl(), 1);
            assertEquals(1, triggers.size(), "a report trigger, from the call that made the flip");
            assertEquals(List.of(), harness.receive(names.reportQueueUrl(), 10, Duration.ofSeconds(1)),
                    "exactly one report trigger, however many scorers ran at once");
            assertEquals(caseId, SqsReportRequests.caseIdFrom(triggers.get(0).body()));
            CapturingContext reportLog = new CapturingContext("report");
            LambdaHarness.Invocation reported = harness.invoke(names.reportQueueUrl(), triggers,
                    (event, context) -> new ReportHandler(wirings.report()).handleRequest(event, context), reportLog);
            assertEquals(Set.of(), reported.failedIds(), reportLog.text());

            // 4. What came out.
            CaseRecord done = cases.find(caseId).orElseThrow();
            RunSummary summary = RunSummary.of(done);
            assertCounters(summary, done, manifest, roster);
            for (String reportKey : ReportService.keysFor(done.incidentId(), 1)) {
                assertTrue(uploads.head(reportKey).isPresent(), "report written: " + reportKey);
            }
            Map<String, IncidentPerson> people = people(names, done.incidentId());
            assertEquals(summary.persons().total(), people.size(), "one record per person");
            // Who must be told comes from the inputs, never from what the pipeline stored.
            Map<String, Rescoring.Expected> expected = rescore(manifest, roster);
            assertEveryPersonAsRescored(people, expected);
            Set<String> mustNotify = new HashSet<>();
            expected.values().stream().filter(e -> e.decision().required()).forEach(e -> mustNotify.add(e.payNumber()));
            assertNoticesPlanned(people, mustNotify);
            assertEquals(mustNotify.size(), summary.notices().published(), "notices counted once each");

            List<TopicTap.Delivery> noticeDeliveries = notices.read(mustNotify.size(), DELIVERY_TIMEOUT, QUIET, ofCase(caseId));
            assertNotices(noticeDeliveries, mustNotify, caseId, done.incidentId());
            List<TopicTap.Delivery> federationDeliveries = federation.read(1, DELIVERY_TIMEOUT, QUIET, ofCase(caseId));
            assertFederation(federationDeliveries, manifest);
            List<TopicTap.Delivery> alertDeliveries = allAlerts.read(4, DELIVERY_TIMEOUT, QUIET, ofCase(caseId));
            assertEquals(List.of(Messages.CASE_OPENED, Messages.CASE_REPORTED, Messages.CASE_SCORED, OnCallSummary.EVENT_TYPE),
                    alertDeliveries.stream().map(TopicTap.Delivery::eventType).sorted().toList(),
                    "each alert of the case once");

            // 5. At-least-once delivery: everything again, and nothing more may happen.
            Counts firstDelivery = Counts.of(counter);
            Map<String, Long> redeliveryCalls = Map.of();
            if (spec.redeliver()) {
                redeliveryCalls = redeliverEverything(wirings, cases, counter, s3Event, scoring, reported, done, poison,
                        notices, federation, allAlerts);
            }
            runTheClockTwice(target.wiring(new RequestCounter(), byHandler.get(ClockHandler.class)), done.incidentId());
            return new Result(caseId, summary, batches, mustNotify.size(), noticeRequestsIfPerBatch(people),
                    firstDelivery, redeliveryCalls, byHandler);
        } finally {
            if (poison != null) {
                // Stands in for the dead-letter queue, where SQS moves it after maxReceiveCount receives.
                harness.delete(names.batchQueueUrl(), poison);
            }
            wirings.close();
        }
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

    /** The three functions' wirings, each on clients of its own. */
    private record Wirings(FunctionWiring ingest, FunctionWiring score, FunctionWiring report) implements AutoCloseable {
        @Override
        public void close() {
            ingest.clients().close();
            score.clients().close();
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

    private void assertPoisonReportedAlone(List<LambdaHarness.Invocation> scoring, Message poison, CapturingContext log,
                                           Manifest manifest) {
        LambdaHarness.Invocation first = scoring.get(0);
        assertEquals(2, first.event().getRecords().size(), "the poison message shares its event with one real batch");
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

    /** The notice path: one initial notice, published, for exactly the people the policy must tell (issue 11 changes this). */
    private static void assertNoticesPlanned(Map<String, IncidentPerson> people, Set<String> mustNotify) {
        people.values().forEach(p -> {
            assertEquals(mustNotify.contains(p.payNumber()) ? 1 : 0, p.notices().size(),
                    p.payNumber() + ": one manifest, at most the initial notice, exactly when the policy requires one");
            p.notices().forEach(n -> assertTrue(n.published(), "every planned notice was published"));
        });
    }

    private static void assertNotices(List<TopicTap.Delivery> deliveries, Set<String> mustNotify, String caseId,
                                      String incidentId) {
        List<String> payNumbers = new ArrayList<>();
        for (TopicTap.Delivery d : deliveries) {
            assertEquals(Messages.PERSON_NOTICE, d.eventType());
            assertEquals(caseId, d.document().path("caseId").asText());
            assertEquals(incidentId, d.document().path("incidentId").asText());
            assertEquals("initial", d.document().path("noticeKind").asText());
            String payNumber = d.document().path("payNumber").asText();
            payNumbers.add(payNumber);
            assertEquals(incidentId + "-notice-" + payNumber + "-initial-" + d.document().path("band").asText(),
                    d.attributes().get("messageId"), "the id subscribers de-duplicate on");
        }
        assertEquals(mustNotify.size(), payNumbers.size(), "exactly one notice per person at or above the policy band");
        assertEquals(mustNotify, new HashSet<>(payNumbers), "notices went to exactly the people who must be told");
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
                                                  S3Event s3Event,
                                                  List<LambdaHarness.Invocation> scoring, LambdaHarness.Invocation reported,
                                                  CaseRecord done, Message poison, TopicTap notices, TopicTap federation,
                                                  TopicTap allAlerts) {
        String caseId = done.caseId();
        Map<String, Long> before = counter.snapshot();

        IngestHandler.Summary again = new IngestHandler(wirings.ingest()).handleRequest(s3Event, new CapturingContext("ingest"));
        assertEquals(List.of(caseId), again.caseIds(), "the same S3 event finds the same case");
        ScoreHandler scorer = new ScoreHandler(wirings.score());
        for (LambdaHarness.Invocation invocation : scoring) {
            SQSBatchResponse response = scorer.handleRequest(invocation.event(), new CapturingContext("score"));
            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            assertEquals(poison != null && invocation == scoring.get(0) ? Set.of(poison.messageId()) : Set.of(), failed);
        }
        SQSBatchResponse reportAgain = new ReportHandler(wirings.report()).handleRequest(reported.event(), new CapturingContext("report"));
        assertTrue(reportAgain.getBatchItemFailures().isEmpty());

        CaseRecord after = cases.find(caseId).orElseThrow();
        assertEquals(done.status(), after.status());
        assertEquals(done.counters(), after.counters(), "no counter moves on re-delivery");
        assertEquals(List.of(), harness.receive(target.names().reportQueueUrl(), 10, Duration.ofSeconds(1)),
                "no second report trigger");
        assertEquals(List.of(), notices.read(0, DELIVERY_TIMEOUT, QUIET, ofCase(caseId)), "no notice twice");
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
        return redelivery;
    }

    /**
     * PublishBatch requests if each scored batch packs the notices it planned ten to a request: every
     * notice records the batch that planned it, so this is exact.
     */
    private static long noticeRequestsIfPerBatch(Map<String, IncidentPerson> people) {
        Map<Long, Long> perBatch = new HashMap<>();
        for (IncidentPerson p : people.values()) {
            p.notices().forEach(n -> perBatch.merge(n.batchNo(), 1L, Long::sum));
        }
        return perBatch.values().stream().mapToLong(n -> (n + 9) / 10).sum();
    }
}
