package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The request counts of one pipeline run beside the naive design (one call per row, one per notice),
 * as the issue asks the closing note to report them.
 */
final class RequestTable {
    static final List<String> DYNAMO_READS = List.of("BatchGetItem", "GetItem", "Query", "Scan");
    static final List<String> DYNAMO_WRITES = List.of("PutItem", "UpdateItem", "BatchWriteItem", "DeleteItem");
    static final List<String> SQS_SENDS = List.of("SendMessageBatch", "SendMessage");
    static final List<String> SNS_PUBLISHES = List.of("PublishBatch", "Publish");

    private RequestTable() {
    }

    static long sum(PipelineScenario.Counts counts, String service, List<String> operations) {
        return operations.stream().mapToLong(op -> counts.calls(service, op)).sum();
    }

    static String render(String label, PipelineScenario.Result result) {
        PipelineScenario.Counts c = result.counts();
        long rows = result.summary().rows().read();
        long notices = result.notices();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nRequest counts, %s: %,d rows read, %,d batches, %,d persons, %,d notices released at once"
                        + " (%,d release requests)%n", label, rows, result.batches(), result.summary().persons().total(), notices,
                result.releaseRequests()));
        out.append(String.format("%-44s %10s %12s%n", "requests (RequestCounter, functions' clients)", "measured", "naive"));
        row(out, "DynamoDB reads: staff and people (BatchGetItem)", c.calls("DynamoDb", "BatchGetItem"), rows + 2 * notices,
                "1 GetItem per row, per letter and per person released");
        row(out, "  of which by the release function", release(result).calls("DynamoDb", "BatchGetItem"), -1, "");
        row(out, "  release function's GetItem (incident)", release(result).awsCalls("DynamoDb", "GetItem"), -1, "");
        row(out, "DynamoDB reads: case bookkeeping (Get/Query)", sum(c, "DynamoDb", List.of("GetItem", "Query", "Scan")), -1, "");
        row(out, "DynamoDB reads, all", sum(c, "DynamoDb", DYNAMO_READS), rows, "1 per row");
        row(out, "DynamoDB writes, all", sum(c, "DynamoDb", DYNAMO_WRITES), rows, "1 per row");
        row(out, "  PutItem (one conditional write per person)", c.calls("DynamoDb", "PutItem"), -1, "");
        row(out, "  UpdateItem (counters, status, notice flags)", c.calls("DynamoDb", "UpdateItem"), -1, "");
        row(out, "  BatchWriteItem (rejects, 25 per call)", c.calls("DynamoDb", "BatchWriteItem"), -1, "");
        row(out, "SQS sends: SendMessageBatch (row batches)", c.calls("Sqs", "SendMessageBatch"), result.batches(), "1 per batch");
        row(out, "SQS sends: SendMessage (report trigger, releases)", c.calls("Sqs", "SendMessage"), -1, "");
        row(out, "SQS sends, all", sum(c, "Sqs", SQS_SENDS), rows, "1 per row");
        row(out, "SNS publishes, all (PublishBatch)", sum(c, "Sns", SNS_PUBLISHES), notices + 5,
                "1 per notice + general communication + 4 alerts");
        row(out, "S3 writes: PutObject (letters, reports)", c.calls("S3", "PutObject"), -1, "");
        out.append(String.format("%-44s %10d%n", "largest PublishBatch (entries)", c.maxEntries("PublishBatch")));
        out.append(String.format("%-44s %10d%n", "largest SendMessageBatch (entries)", c.maxEntries("SendMessageBatch")));
        out.append(String.format("%-44s %10d%n", "largest BatchGetItem (keys)", c.maxEntries("BatchGetItem")));
        out.append(String.format("%-44s %10d%n", "SNS floor with PublishBatch per release request",
                result.noticeRequestsIfPerBatch() + ALERT_REQUESTS + GENERAL_COMMUNICATION_REQUESTS));
        out.append(budgets(result));
        out.append("all calls: ").append(new java.util.TreeMap<>(c.calls())).append('\n');
        result.firstDeliveryByHandler().forEach((handler, counts) -> out.append("  by ").append(handler.getSimpleName())
                .append(": ").append(new java.util.TreeMap<>(counts.calls())).append('\n'));
        out.append("of which emulator fallbacks (AWS returns the item; dynalite does not): ")
                .append(new java.util.TreeMap<>(c.emulatorFallbacks())).append('\n');
        if (!result.redeliveryCalls().isEmpty()) {
            out.append("re-delivering every event again added: ").append(result.redeliveryCalls()).append('\n');
        }
        return out.toString();
    }

    /** case.opened; case.scored; case.summary with case.reported. */
    private static final long ALERT_REQUESTS = 3;
    /** The incident's general staff communication, once. */
    private static final long GENERAL_COMMUNICATION_REQUESTS = 1;

    /**
     * The request budget of the design (docs: DESIGN.md section 6) and of issue 9, part 4. Scoring sends
     * one release request per batch that released notices; the release function publishes an event's
     * requests of one incident together, each notice marked after the PublishBatch that carried it, so
     * notices fill requests of 10 across the batches of one invocation and the budget allows one partly
     * filled PublishBatch per release invocation ({@link #snsBudget}). Scoring's writes may be 1.05 per
     * distinct person plus the per-batch counters ({@link #writeBudget}). Scoring's reads as AWS would be
     * sent them ({@link #scoringReads}) may be one staff lookup per 100 rows and two more ({@link #readBudget}):
     * the scorer reads its incident once and keeps a copy, not once per batch (docs/design-notes.md, "The
     * scorer's copy of the incident").
     */
    static void assertDesignBounds(PipelineScenario.Result result) {
        PipelineScenario.Counts c = result.counts();
        long accepted = result.summary().rows().accepted();
        long batches = result.batches();
        long notices = result.notices();
        long lookups = c.calls("DynamoDb", "BatchGetItem");
        // Scoring looks each batch's people up; each release request reads its people (the case table) and
        // looks them up again, for their letters (the staff table), each 100 a request.
        assertTrue(lookups <= ceilDiv(accepted, 100) + 2 * result.releaseRequests(), "BatchGetItem: " + lookups
                + " for " + accepted + " rows and " + result.releaseRequests() + " release requests, more than 1 per 100"
                + " rows and 2 per release request");
        long releaseGets = release(result).awsCalls("DynamoDb", "GetItem");
        assertTrue(releaseGets <= RELEASE_INCIDENT_READS * result.releaseRequests() + 1, "the release function sent "
                + releaseGets + " GetItem for " + result.releaseRequests() + " release requests: it reads a request's"
                + " people 100 a BatchGetItem, not one GetItem each");
        assertTrue(c.maxEntries("BatchGetItem") <= 100, "a BatchGetItem asked for more than 100 keys");
        long sends = c.calls("Sqs", "SendMessageBatch");
        assertTrue(sends <= ceilDiv(batches, 10), sends + " SendMessageBatch for " + batches + " batches: more than 1 per 10");
        assertTrue(c.maxEntries("SendMessageBatch") <= 10, "a SendMessageBatch had more than 10 entries");
        assertTrue(result.releaseRequests() <= batches, "at most one release request per batch");
        assertEquals(1 + result.releaseRequests(), c.calls("Sqs", "SendMessage"),
                "one report trigger, sent by the call that flipped the case to SCORED, and one release request per batch"
                        + " that released notices at once");
        assertEquals(0, c.calls("Sns", "Publish"), "everything goes through PublishBatch");
        long publishes = c.calls("Sns", "PublishBatch");
        long fixed = ALERT_REQUESTS + GENERAL_COMMUNICATION_REQUESTS;
        assertTrue(publishes <= ceilDiv(notices, 10) + batches + fixed, publishes + " PublishBatch for "
                + notices + " notices in " + batches + " batches: more than 1 per 10 notices plus one partial request per batch");
        assertTrue(publishes - fixed <= result.noticeRequestsIfPerBatch(),
                "notices were not packed 10 to a request within each release request");
        assertTrue(publishes + c.calls("Sns", "Publish") <= snsBudget(result), publishes + " PublishBatch for " + notices
                + " notices in " + result.releaseInvocations() + " release invocations: over the budget of " + snsBudget(result)
                + " (10 notices a request across the batches of one invocation)");
        assertTrue(scoringReads(result) <= readBudget(result), "scoring sent " + scoringReads(result)
                + " DynamoDB reads (as AWS would be sent them) for " + accepted + " rows: over the budget of "
                + readBudget(result) + " (1 staff lookup per 100 rows, and the incident read once per scorer)");
        assertTrue(scoringWrites(result) <= writeBudget(result), "scoring wrote " + scoringWrites(result) + " items for "
                + result.summary().persons().total() + " people in " + batches + " batches: over the budget of "
                + writeBudget(result));
        assertTrue(c.maxEntries("PublishBatch") <= 10, "a PublishBatch had more than 10 entries (AWS refuses them; fauxqs would not)");
        if (notices >= 10) {
            assertEquals(10, c.maxEntries("PublishBatch"), "full PublishBatch requests of 10");
        }
    }

    /** The scoring function's requests on the first delivery of every event. */
    private static PipelineScenario.Counts scoring(PipelineScenario.Result result) {
        return result.firstDeliveryByHandler().get(ScoreHandler.class);
    }

    /** The release function's requests on the first delivery of every event. */
    private static PipelineScenario.Counts release(PipelineScenario.Result result) {
        return result.firstDeliveryByHandler().get(ReleaseHandler.class);
    }

    /**
     * The release function's reads of the incident per part of up to 100 people (at most one part per
     * scoring release request, merged or not): for the request, and twice for the general communication
     * (is it sent; its plan by compare-and-set). Once more in all, when the general communication is marked sent.
     */
    private static final long RELEASE_INCIDENT_READS = 3;

    /** DynamoDB reads the scoring function would send AWS: the emulator's fallback GetItems left out. */
    static long scoringReads(PipelineScenario.Result result) {
        PipelineScenario.Counts s = scoring(result);
        return DYNAMO_READS.stream().mapToLong(op -> s.awsCalls("DynamoDb", op)).sum();
    }

    static long scoringWrites(PipelineScenario.Result result) {
        return sum(scoring(result), "DynamoDb", DYNAMO_WRITES);
    }

    /** The SNS budget: full requests of 10 notices, the fixed alerts, one part-filled request per release invocation. */
    static long snsBudget(PipelineScenario.Result result) {
        return ceilDiv(result.notices(), 10) + ALERT_REQUESTS + GENERAL_COMMUNICATION_REQUESTS + result.releaseInvocations();
    }

    /** The read budget: one staff lookup per 100 accepted rows, and two more (the incident, once per scorer). */
    static long readBudget(PipelineScenario.Result result) {
        return ceilDiv(result.summary().rows().accepted(), 100) + INCIDENT_READS;
    }

    /** The incident, read by a scorer when it starts, and once more should it need to. */
    private static final long INCIDENT_READS = 2;

    /** The write budget: 1.05 per distinct person, plus one batch count per batch and the case's status moves. */
    static long writeBudget(PipelineScenario.Result result) {
        return (long) Math.floor(1.05 * result.summary().persons().total()) + result.batches() + SCORED_MOVE;
    }

    private static String budgets(PipelineScenario.Result result) {
        PipelineScenario.Counts s = scoring(result);
        long persons = result.summary().persons().total();
        long sns = sum(result.counts(), "Sns", SNS_PUBLISHES);
        StringBuilder out = new StringBuilder("budgets (issue 9, part 4):\n");
        out.append(String.format("  DynamoDB reads, scoring, as AWS would be sent: %d (%d sent: %d emulator fallback GetItem);"
                        + " BatchGetItem %d, GetItem %d; budget %d%n", scoringReads(result), sum(s, "DynamoDb", DYNAMO_READS),
                s.emulatorFallbacks("DynamoDb", "GetItem"), s.calls("DynamoDb", "BatchGetItem"), s.awsCalls("DynamoDb", "GetItem"),
                readBudget(result)));
        out.append(String.format("  DynamoDB writes, scoring: %d for %d distinct people (%.3f per person) and %d batches; budget %d%n",
                scoringWrites(result), persons, persons == 0 ? 0.0 : (double) scoringWrites(result) / persons, result.batches(),
                writeBudget(result)));
        out.append(String.format("  failed conditions, scoring: PutItem %d, UpdateItem %d (%d rows accepted, %d people: %d repeated rows)%n",
                s.conditionsFailed("DynamoDb", "PutItem"), s.conditionsFailed("DynamoDb", "UpdateItem"),
                result.summary().rows().accepted(), persons, result.summary().rows().accepted() - persons));
        out.append(String.format("  SNS requests, all functions: %d; budget ceil(%d notices / 10) + %d alerts + %d general"
                        + " + %d release invocations = %d (%d scoring invocations)%n", sns, result.notices(), ALERT_REQUESTS,
                GENERAL_COMMUNICATION_REQUESTS, result.releaseInvocations(), snsBudget(result), result.scoringInvocations()));
        return out.toString();
    }

    /** SCORING → SCORED, by the batch that completes the case. */
    private static final long SCORED_MOVE = 1;

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static void row(StringBuilder out, String name, long measured, long naive, String naiveRule) {
        out.append(String.format("%-44s %10d %12s %s%n", name, measured, naive < 0 ? "" : String.format("%,d", naive), naiveRule));
    }
}
