package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.breachtriage.aws.AwsClients;
import org.breachtriage.aws.DynamoCaseStore;
import org.breachtriage.aws.DynamoIncidentStore;
import org.breachtriage.aws.DynamoPersonStore;
import org.breachtriage.aws.DynamoStaffDirectory;
import org.breachtriage.aws.ResourceNames;
import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.SnsNoticePublisher;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.Messages;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.ManifestOptions;
import org.breachtriage.core.synthetic.SyntheticData;
import org.breachtriage.core.testing.MutableClock;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One manifest through the AWS handlers with one fault injected into every call the functions make,
 * driven the way AWS drives them: the S3 event's invocation retried as Lambda retries an asynchronous
 * invocation that failed, and each queue's messages handed to its function, the ones it failed (or all
 * of them, when it died) delivered again. Time passes as it would: every re-delivery moves the
 * functions' clock on by the queue's visibility timeout, so a dead publisher's claim has run out when
 * its request comes back (the real SNS de-duplication window, five minutes, is not moved: a re-send
 * lands seconds after the first, as it does on AWS within 210 s).
 *
 * <p>What subscribers got is read from queues of the run's own: a FIFO queue on the notices topic,
 * as a real notice sender's, and a standard queue on the alerts topic.
 */
final class FaultRun implements AutoCloseable {
    static final int ROSTER_PEOPLE = PipelineScenario.EVENTS_ROSTER_PEOPLE;
    static final int MANIFEST_ROWS = 120;
    /** The template's release queue visibility; the batch and report queues' is longer, which changes nothing here. */
    static final Duration REDELIVERY_AFTER = Duration.ofSeconds(180);
    private static final int INGEST_ATTEMPTS = 3;
    private static final int MAX_INVOCATIONS = 300;
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Alerts of a case that goes all the way: opened, scored, and the report's two (on-call and Federation). */
    static final int ALERTS_PER_CASE = 4;

    /** What came out of a run. */
    record Outcome(String caseId, String incidentId, CaseRecord finalCase, Map<String, Integer> noticeDeliveries,
                   Set<String> noticesPublished, int noticesStuck, Map<String, Integer> alertDeliveries,
                   Map<String, String> alertTypes, int redeliveries) {

        int noticeDuplicates() {
            return noticeDeliveries.values().stream().mapToInt(n -> n - 1).sum();
        }

        /**
         * Published on the records but never delivered, plus released but never published (the
         * incident's general staff communication counts as one of them).
         */
        int noticesLost() {
            return (int) noticesPublished.stream().filter(id -> !noticeDeliveries.containsKey(id)).count() + noticesStuck;
        }

        int alertDuplicates() {
            return alertDeliveries.values().stream().mapToInt(n -> n - 1).sum();
        }
    }

    private final EmulatorStack stack;
    private final ResourceNames names;
    private final AwsClients clients;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final FunctionWiring wiring;
    private final LambdaHarness harness;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final TopicTap notices;
    private final TopicTap alerts;

    FaultRun(EmulatorStack stack, ExecutionInterceptor... faults) {
        this.stack = stack;
        String batches = stack.clients().sqs().createQueue(b -> b.queueName("fault-batches-" + run)).queueUrl();
        String reports = stack.clients().sqs().createQueue(b -> b.queueName("fault-reports-" + run)).queueUrl();
        String releases = stack.clients().sqs().createQueue(b -> b.queueName("fault-releases-" + run)).queueUrl();
        this.names = stack.names().withQueuesAndTopics(batches, reports, releases, stack.names().alertsTopicArn(),
                stack.names().noticesTopicArn());
        this.clients = new AwsClients(stack.settings().withInterceptors(faults));
        this.wiring = new FunctionWiring(clients, names,
                new PipelineSettings(ScoringPolicy.loadDefault(), PipelineTarget.FORCE, clock));
        this.harness = new LambdaHarness(stack.clients());
        this.notices = TopicTap.subscribe(stack.clients(), names.noticesTopicArn());
        this.alerts = TopicTap.subscribe(stack.clients(), names.alertsTopicArn());
    }

    /** The manifest every run reads: a few batches of the checked-in roster's people, some rejected, some listed twice. */
    static byte[] manifest() throws IOException {
        StringWriter csv = new StringWriter();
        SyntheticData.writeManifest(csv, ROSTER_PEOPLE, MANIFEST_ROWS, PipelineScenario.EVENTS_ROSTER_SEED,
                ManifestOptions.defaults().withInvalidFraction(0.02).withDuplicateFraction(0.02)
                        .withUnmatchedFraction(0.02).withSelectionSeed(31));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the roster's people to the shared staff table (without faults: the roster is not under test). */
    static void importRoster(EmulatorStack stack) throws IOException {
        RosterImport roster = new RosterReader().read(Fixtures.events("staff/roster.csv"));
        List<StaffMember> members = roster.members();
        new DynamoStaffDirectory(stack.clients().dynamoDb(), stack.names().staffTable()).putAll(members);
    }

    Outcome run(byte[] manifest) throws Exception {
        String key = "manifests/acme/fault-" + run + ".csv";
        S3ObjectStore uploads = new S3ObjectStore(stack.clients().s3(), names.bucket());
        uploads.put(key + IngestHandler.SIDECAR_SUFFIX,
                Fixtures.sidecarWithOwnReference("manifests/met-idcard-2023.csv.incident.json", run), "application/json", Map.of());
        uploads.put(key, manifest, "text/csv", Map.of());
        S3Event event = harness.objectCreated(names.bucket(), uploads.head(key).orElseThrow());

        String caseId = ingest(event);
        int redeliveries = drain();

        DynamoCaseStore cases = new DynamoCaseStore(stack.clients().dynamoDb(), names.caseTable());
        CaseRecord done = cases.find(caseId).orElseThrow();
        String incidentId = done.incidentId();
        List<IncidentPerson> people = new ArrayList<>();
        new DynamoPersonStore(stack.clients().dynamoDb(), names.caseTable()).forEach(incidentId, people::add);
        Set<String> published = new java.util.HashSet<>();
        int stuck = 0;
        for (IncidentPerson p : people) {
            for (PersonNotice n : p.notices()) {
                if (n.published()) {
                    published.add(n.noticeId());
                } else if (n.released()) {
                    stuck++;
                }
            }
        }
        IncidentRecord incident = new DynamoIncidentStore(stack.clients().dynamoDb(), names.caseTable(), null)
                .find(incidentId).orElseThrow();
        if (incident.generalCommunication() != null && incident.generalCommunication().sent()) {
            published.add(incidentId + "-" + Messages.STAFF_COMMUNICATION);
        } else {
            stuck++;
        }
        List<TopicTap.Delivery> alerted = ours(alerts, ALERTS_PER_CASE, incidentId, caseId);
        Map<String, String> alertTypes = new TreeMap<>();
        alerted.forEach(d -> alertTypes.put(d.attributes().get(SnsNoticePublisher.MESSAGE_ID_ATTRIBUTE), d.eventType()));
        return new Outcome(caseId, incidentId, done, countById(ours(notices, published.size(), incidentId, null)), published, stuck,
                countById(alerted), alertTypes, redeliveries);
    }

    /**
     * What the subscriber got of this run (another test's traffic on the shared topics is left out):
     * read until {@code expected} arrived, then {@link #QUIET} longer so that repeats show up too.
     */
    private static List<TopicTap.Delivery> ours(TopicTap tap, int expected, String incidentId, String caseId) {
        return tap.read(expected, READ_TIMEOUT, QUIET,
                d -> d.raw().contains(incidentId) || (caseId != null && d.raw().contains(caseId)));
    }

    /** How many times each message id reached the subscriber (SNS carries our id as an attribute). */
    private static Map<String, Integer> countById(List<TopicTap.Delivery> deliveries) {
        Map<String, Integer> counts = new TreeMap<>();
        deliveries.forEach(d -> counts.merge(d.attributes().get(SnsNoticePublisher.MESSAGE_ID_ATTRIBUTE), 1, Integer::sum));
        return counts;
    }

    /** The S3 event's invocation, retried as Lambda retries a failed asynchronous invocation (twice). */
    private String ingest(S3Event event) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= INGEST_ATTEMPTS; attempt++) {
            try {
                IngestHandler.Summary summary = new IngestHandler(wiring).handleRequest(event, new CapturingContext("ingest"));
                if (summary.caseIds().size() == 1 && summary.failedManifests() == 0) {
                    return summary.caseIds().get(0);
                }
                last = new IllegalStateException("ingest answered " + summary);
            } catch (RuntimeException e) {
                last = e;
            }
            // Lambda retries after a minute, then two; past an alert claim's lease either way, so a run's
            // outcome does not depend on which retry the fault hit.
            clock.advance(REDELIVERY_AFTER);
        }
        throw new AssertionError("the manifest was not ingested in " + INGEST_ATTEMPTS + " invocations", last);
    }

    /**
     * Hands each queue's messages to its function until all three stay empty: what the function failed
     * (or everything, if it threw) comes back after the visibility timeout.
     *
     * @return how many messages were delivered again
     */
    private int drain() {
        Map<String, BiFunction<SQSEvent, CapturingContext, SQSBatchResponse>> consumers = Map.of(
                names.batchQueueUrl(), (e, c) -> new ScoreHandler(wiring).handleRequest(e, c),
                names.releaseQueueUrl(), (e, c) -> new ReleaseHandler(wiring).handleRequest(e, c),
                names.reportQueueUrl(), (e, c) -> new ReportHandler(wiring).handleRequest(e, c));
        List<String> order = List.of(names.batchQueueUrl(), names.releaseQueueUrl(), names.reportQueueUrl());
        int redelivered = 0;
        int emptyPasses = 0;
        for (int invocations = 0; emptyPasses < 2; ) {
            boolean any = false;
            for (String queue : order) {
                List<Message> messages = harness.receive(queue, 10, Duration.ZERO);
                if (messages.isEmpty()) {
                    continue;
                }
                any = true;
                if (++invocations > MAX_INVOCATIONS) {
                    throw new AssertionError("still delivering after " + MAX_INVOCATIONS + " invocations");
                }
                List<Message> failed;
                try {
                    LambdaHarness.Invocation done = harness.invoke(queue, messages, consumers.get(queue),
                            new CapturingContext("fault"));
                    Set<String> failedIds = done.failedIds();
                    failed = messages.stream().filter(m -> failedIds.contains(m.messageId())).toList();
                } catch (RuntimeException died) {
                    failed = messages; // the function threw: the event source mapping deletes nothing
                }
                for (Message m : failed) {
                    stack.clients().sqs().changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())
                            .visibilityTimeout(0));
                }
                if (!failed.isEmpty()) {
                    redelivered += failed.size();
                    clock.advance(REDELIVERY_AFTER);
                }
            }
            emptyPasses = any ? 0 : emptyPasses + 1;
            if (!any) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
            }
        }
        return redelivered;
    }

    @Override
    public void close() {
        notices.close();
        alerts.close();
        clients.close();
        for (String queue : List.of(names.batchQueueUrl(), names.reportQueueUrl(), names.releaseQueueUrl())) {
            stack.clients().sqs().deleteQueue(b -> b.queueUrl(queue));
        }
    }
}
