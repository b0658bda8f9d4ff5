package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.breachtriage.aws.CaseTableSchema;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.FaultInjector;
import org.breachtriage.aws.testing.FaultInjector.Kind;
import org.breachtriage.aws.testing.FaultInjector.Point;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Issue 10's fault table for the AWS handlers: one manifest through ingest, score, release and report
 * with one fault injected at one call (a throttle, a 500, an answer lost after the write landed, the
 * function dying before or after a call), the handlers driven as Lambda and SQS drive them
 * ({@link FaultRun}). Each run must come out as a run without faults does: every notice released is
 * published and reaches the notices topic's FIFO subscriber exactly once, the case's counters are the
 * same, and each alert reaches the alerts topic's subscriber once.
 *
 * <p>Two faults repeat an alert by design, and are counted, not hidden (see
 * {@link #alertDuplicatesByDesign}); the standard alerts topic (its subscribers are e-mail and HTTPS)
 * cannot drop a repeat, which carries the same {@code messageId} attribute. The table of every fault,
 * its duplicates and losses is written to {@code functions/target/fault-table.md}.
 */
@ExtendWith(EmulatorStackExtension.class)
class HandlerFaultsTest {

    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());
    private static FaultRun.Outcome baseline;
    private static byte[] manifest;

    private final EmulatorStack stack;

    HandlerFaultsTest(EmulatorStack stack) throws Exception {
        this.stack = stack;
        synchronized (HandlerFaultsTest.class) {
            if (baseline == null) {
                FaultRun.importRoster(stack);
                manifest = FaultRun.manifest();
                try (FaultRun run = new FaultRun(stack)) {
                    baseline = run.run(manifest);
                }
            }
        }
    }

    // --- where faults go ---------------------------------------------------------------------------

    private static Point put(String label, Predicate<PutItemRequest> test) {
        return new Point(label, "PutItem", r -> test.test((PutItemRequest) r));
    }

    private static Point update(String label, Predicate<UpdateItemRequest> test) {
        return new Point(label, "UpdateItem", r -> test.test((UpdateItemRequest) r));
    }

    private static boolean person(PutItemRequest r) {
        return r.item().get(CaseTableSchema.SK).s().startsWith(CaseTableSchema.PERSON_PREFIX);
    }

    private static String condition(PutItemRequest r) {
        return r.conditionExpression() == null ? "" : r.conditionExpression();
    }

    private static boolean movesTo(UpdateItemRequest r, CaseStatus to) {
        return r.expressionAttributeValues().containsKey(":to")
                && to.name().equals(r.expressionAttributeValues().get(":to").s())
                && r.key().get(CaseTableSchema.PK).s().startsWith("CASE#");
    }

    static final Point CASE_OPEN = put("case open (PutItem)", r -> r.item().get(CaseTableSchema.PK).s().startsWith("CASE#")
            && CaseTableSchema.META.equals(r.item().get(CaseTableSchema.SK).s()));
    static final Point PERSON_NEW = put("new person (PutItem, scoring)", r -> person(r) && condition(r).contains("attribute_not_exists"));
    static final Point PERSON_CLAIM = put("claim (PutItem, release)", r -> person(r) && condition(r).contains("#version")
            && r.item().get("notices").s().contains("\"claimedBy\":\""));
    static final Point BATCH_COUNT = update("batch count (UpdateItem)", r -> r.updateExpression().startsWith("ADD #done"));
    static final Point CASE_SCORED = update("SCORING→SCORED (UpdateItem)", r -> movesTo(r, CaseStatus.SCORED));
    static final Point CASE_REPORTED = update("SCORED→REPORTED (UpdateItem)", r -> movesTo(r, CaseStatus.REPORTED));
    static final Point INCIDENT_WRITE = update("incident write (UpdateItem)", r -> r.updateExpression().startsWith("SET #body"));
    static final Point MARK_PUBLISHED = update("mark published (UpdateItem)", r -> r.conditionExpression() != null
            && r.conditionExpression().contains("attribute_not_exists(#published)"));
    static final Point NOTICES = new Point("notices PublishBatch", "PublishBatch",
            r -> ((PublishBatchRequest) r).topicArn().endsWith(".fifo"));
    static final Point ALERTS = new Point("alerts PublishBatch", "PublishBatch",
            r -> !((PublishBatchRequest) r).topicArn().endsWith(".fifo"));
    static final Point RELEASE_REQUEST = new Point("release request (SQS SendMessage)", "SendMessage",
            r -> ((SendMessageRequest) r).queueUrl().contains("fault-releases-"));
    static final Point REPORT_REQUEST = new Point("report request (SQS SendMessage)", "SendMessage",
            r -> ((SendMessageRequest) r).queueUrl().contains("fault-reports-"));
    static final Point BATCH_SEND = new Point("row batches (SQS SendMessageBatch)", "SendMessageBatch", r -> true);

    /** Enough consecutive faults to outlast the SDK's own retries, so the call fails to the handler. */
    private static final int BEYOND_RETRIES = 12;

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(Kind.THROTTLE, PERSON_NEW, 20, 1),
                fault(Kind.THROTTLE, NOTICES, 0, 1),
                fault(Kind.THROTTLE, RELEASE_REQUEST, 0, 1),
                fault(Kind.THROTTLE, BATCH_SEND, 0, 1),
                fault(Kind.CRASH_BEFORE, BATCH_SEND, 0, 1),
                fault(Kind.SERVER_ERROR, BATCH_COUNT, 1, 1),
                fault(Kind.SERVER_ERROR, PERSON_CLAIM, 2, BEYOND_RETRIES),
                fault(Kind.SERVER_ERROR, NOTICES, 1, BEYOND_RETRIES),
                fault(Kind.SERVER_ERROR, ALERTS, 1, BEYOND_RETRIES),
                fault(Kind.RESPONSE_LOST, CASE_OPEN, 0, 1),
                fault(Kind.RESPONSE_LOST, PERSON_NEW, 20, 1),
                fault(Kind.RESPONSE_LOST, BATCH_COUNT, 1, 1),
                fault(Kind.RESPONSE_LOST, CASE_SCORED, 0, 1),
                fault(Kind.RESPONSE_LOST, PERSON_CLAIM, 3, 1),
                fault(Kind.RESPONSE_LOST, NOTICES, 1, 1),
                fault(Kind.RESPONSE_LOST, MARK_PUBLISHED, 5, 1),
                fault(Kind.RESPONSE_LOST, INCIDENT_WRITE, 1, 1),
                fault(Kind.RESPONSE_LOST, CASE_REPORTED, 0, 1),
                fault(Kind.RESPONSE_LOST, ALERTS, 0, 1),
                fault(Kind.RESPONSE_LOST, RELEASE_REQUEST, 0, 1),
                fault(Kind.RESPONSE_LOST, REPORT_REQUEST, 0, 1),
                fault(Kind.CRASH_AFTER, CASE_OPEN, 0, 1),
                fault(Kind.CRASH_AFTER, PERSON_NEW, 30, 1),
                fault(Kind.CRASH_AFTER, BATCH_COUNT, 1, 1),
                fault(Kind.CRASH_AFTER, CASE_SCORED, 0, 1),
                fault(Kind.CRASH_AFTER, RELEASE_REQUEST, 0, 1),
                fault(Kind.CRASH_AFTER, PERSON_CLAIM, 2, 1),
                fault(Kind.CRASH_AFTER, NOTICES, 1, 1),
                fault(Kind.CRASH_BEFORE, MARK_PUBLISHED, 3, 1),
                fault(Kind.CRASH_AFTER, ALERTS, 0, 1),
                fault(Kind.CRASH_BEFORE, ALERTS, 1, 1),
                fault(Kind.CRASH_AFTER, REPORT_REQUEST, 0, 1),
                fault(Kind.CRASH_AFTER, CASE_REPORTED, 0, 1));
    }

    private static Arguments fault(Kind kind, Point point, int skip, int times) {
        return Arguments.of(kind, point, skip, times);
    }

    /**
     * The two faults that repeat an alert, by design: the alerts PublishBatch's answer lost (the SDK
     * sends it again, and the standard alerts topic keeps both), and the function dying after its
     * alert went out but before it was marked sent (the next step finds the claim run out and sends it
     * again). Both repeats carry the alert's id. Alerts are at least once: losing case.scored would
     * leave on-call unaware, a repeat is one more e-mail with the same id.
     */
    private static int alertDuplicatesByDesign(Kind kind, Point point) {
        return point == ALERTS && (kind == Kind.RESPONSE_LOST || kind == Kind.CRASH_AFTER) ? 1 : 0;
    }

    @ParameterizedTest(name = "{0} at {1} (after {2} such calls, {3} time(s))")
    @MethodSource("faults")
    void afterTheFaultEveryNoticeIsPublishedOnceTheCountersAreExactAndEachAlertGoesOnce(Kind kind, Point point, int skip,
                                                                                          int times) throws Exception {
        FaultInjector fault = new FaultInjector(point, kind, skip, times);
        FaultRun.Outcome outcome;
        try (FaultRun run = new FaultRun(stack, fault)) {
            outcome = run.run(manifest);
        }
        int alertsLost = lostAlerts(outcome);
        TABLE.add(String.format("| %s | %s (call %d%s) | %d | %d | %d | %d | %d |", kind, point.label(), skip + 1,
                times > 1 ? ", " + times + " attempts" : "", outcome.noticeDuplicates(), outcome.noticesLost(),
                outcome.alertDuplicates(), alertsLost, outcome.redeliveries()));

        assertTrue(fault.injected() > 0, "the fault never fired: " + fault);
        assertEquals(CaseStatus.REPORTED, outcome.finalCase().status(), fault + ": the case is reported");
        assertEquals(baseline.noticesPublished().size(), outcome.noticesPublished().size(), fault + ": notices published");
        assertEquals(FaultRun.ALERTS_PER_CASE, baseline.alertTypes().size(), "the run without faults sends every alert");
        assertEquals(0, outcome.noticesLost(), fault + ": notices lost " + outcome);
        assertEquals(0, outcome.noticeDuplicates(), fault + ": notices delivered twice " + outcome.noticeDeliveries());
        assertEquals(countersOf(baseline), countersOf(outcome), fault + ": the case's counters");
        assertEquals(0, alertsLost, fault + ": alerts lost " + outcome.alertTypes());
        assertEquals(alertDuplicatesByDesign(kind, point), outcome.alertDuplicates(), fault + ": alerts repeated "
                + outcome.alertDeliveries());
    }

    /** The counters a run without faults gives; rows and batches are the same for every run of the manifest. */
    private static Map<String, Long> countersOf(FaultRun.Outcome outcome) {
        return new TreeMap<>(outcome.finalCase().counters());
    }

    /** Alert kinds the run without faults sent that this run's subscriber never got. */
    private static int lostAlerts(FaultRun.Outcome outcome) {
        List<String> wanted = new ArrayList<>(baseline.alertTypes().values());
        outcome.alertTypes().values().forEach(wanted::remove);
        return wanted.size();
    }

    @AfterAll
    static void writeTheTable() throws IOException {
        if (baseline == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Fault table: " + FaultRun.MANIFEST_ROWS + "-row manifest, " + baseline.finalCase().counter(Counters.PERSONS_TOTAL)
                + " people, " + baseline.noticesPublished().size() + " notices published (those released at once and the"
                + " general staff communication), "
                + baseline.alertTypes().size() + " alerts (" + String.join(", ", new java.util.TreeSet<>(baseline.alertTypes().values())) + ")");
        lines.add("");
        lines.add("| fault | point | notices twice | notices lost | alerts twice | alerts lost | SQS re-deliveries |");
        lines.add("|---|---|---|---|---|---|---|");
        synchronized (TABLE) {
            lines.addAll(TABLE);
        }
        Path out = Path.of("target", "fault-table.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
