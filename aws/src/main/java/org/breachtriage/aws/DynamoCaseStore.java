package org.breachtriage.aws;

import static org.breachtriage.aws.CaseItems.BATCHES_QUEUED;
import static org.breachtriage.aws.CaseItems.COUNTER_PREFIX;
import static org.breachtriage.aws.CaseItems.DONE_BATCHES;
import static org.breachtriage.aws.CaseItems.FAILURE_REASON;
import static org.breachtriage.aws.CaseItems.STATUS;
import static org.breachtriage.aws.CaseItems.number;
import static org.breachtriage.aws.CaseTableSchema.ALERT_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_VALUE;
import static org.breachtriage.aws.CaseTableSchema.PK;
import static org.breachtriage.aws.CaseTableSchema.SK;
import static org.breachtriage.aws.CaseTableSchema.REJECT_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.casePk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.CaseStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link CaseStore} on one DynamoDB table, single-table design (see {@link CaseTableSchema}).
 *
 * <p>Every once-only write is a single conditional request on one item, never a transaction
 * (TransactWriteItems costs double and dynalite has none): opening a case, counting a batch (the batch number goes into a number set in the same UpdateItem that adds
 * the counters), and status moves. Where a condition fails and the caller needs the stored item, we
 * ask for it with {@code ReturnValuesOnConditionCheckFailure=ALL_OLD} and fall back to a consistent
 * GetItem when the service (or emulator) does not return it.
 *
 * <p>All reads are strongly consistent: the pipeline reads its own writes (report after scoring).
 *
 * <p>A conditional write whose answer was lost (a timeout after it landed) is retried by the SDK and
 * then fails its condition against its own first attempt. Opening a case and moving its status
 * therefore write a token of the call, and a failed condition is read back: if the item carries this
 * call's token, the write was this call's, and it says so. Without that, the call that opened a case
 * or moved it to SCORED would think another had, and nobody would log, alert or ask for the report.
 */
public final class DynamoCaseStore implements CaseStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTable tableOps;
    private final DynamoBatches batches;

    public DynamoCaseStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Backoff.DEFAULT, null);
    }

    /** {@code queryPageSize} limits items per Query page (null: DynamoDB's 1 MB pages); tests make it small. */
    public DynamoCaseStore(DynamoDbClient dynamo, String table, Backoff backoff, Integer queryPageSize) {
        this.dynamo = dynamo;
        this.table = table;
        this.tableOps = new DynamoTable(dynamo, table, queryPageSize);
        this.batches = new DynamoBatches(dynamo, table, backoff, true);
    }

    /** The token of the call that made the item's last status move (or opened it). */
    static final String MOVED_BY = "movedBy";
    private static final String ALERT_STATE = "state";
    private static final String ALERT_TOKEN = "token";
    private static final String ALERT_AT = "at";
    private static final String ALERT_SENT = "SENT";
    private static final String ALERT_CLAIMED = "CLAIMED";

    @Override
    public OpenOutcome open(CaseRecord candidate) {
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(CaseItems.caseItem(candidate));
        item.put(MOVED_BY, AttributeValue.fromS(token));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new OpenOutcome(candidate, true);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = tableOps.storedItem(e, CaseItems.metaKey(candidate.caseId()))
                    .orElseThrow(() -> new IllegalStateException("case " + candidate.caseId()
                            + " existed when opened but could not be read back"));
            return new OpenOutcome(CaseItems.caseRecord(stored), madeBy(stored, token));
        }
    }

    @Override
    public Optional<CaseRecord> find(String caseId) {
        return tableOps.get(CaseItems.metaKey(caseId)).map(CaseItems::caseRecord);
    }

    @Override
    public List<CaseRecord> list() {
        List<CaseRecord> cases = new ArrayList<>();
        tableOps.queryList(CASE_LIST_VALUE, item -> cases.add(CaseItems.caseRecord(item)));
        return cases;
    }

    @Override
    public boolean transition(String caseId, CaseStatus from, CaseStatus to, String reason) {
        String token = UUID.randomUUID().toString();
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#reason", FAILURE_REASON, "#by", MOVED_BY));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":from", AttributeValue.fromS(from.name()));
        values.put(":to", AttributeValue.fromS(to.name()));
        values.put(":by", AttributeValue.fromS(token));
        String update;
        if (reason == null) {
            update = "SET #status = :to, #by = :by REMOVE #reason";
        } else {
            update = "SET #status = :to, #by = :by, #reason = :reason";
            values.put(":reason", AttributeValue.fromS(reason));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(CaseItems.metaKey(caseId))
                    .updateExpression(update)
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // Our own first attempt, if its answer was lost: the item is in `to` with our token.
            return tableOps.storedItem(e, CaseItems.metaKey(caseId))
                    .filter(stored -> stored.containsKey(STATUS) && to.name().equals(stored.get(STATUS).s()))
                    .map(stored -> madeBy(stored, token)).orElse(false);
        }
    }

    /** One UpdateItem of the incident JSON and the deadline, conditional on the deadline read before. */
    @Override
    public boolean correctAwareness(String caseId, Instant expectedDeadline, IncidentMetadata corrected, Instant deadline) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(CaseItems.metaKey(caseId))
                    .updateExpression("SET #incident = :incident, #deadline = :deadline")
                    .conditionExpression("#deadline = :expected")
                    .expressionAttributeNames(Map.of("#incident", CaseItems.INCIDENT, "#deadline", CaseItems.ART33_DEADLINE))
                    .expressionAttributeValues(Map.of(
                            ":incident", AttributeValue.fromS(Json.write(corrected)),
                            ":deadline", AttributeValue.fromS(deadline.toString()),
                            ":expected", AttributeValue.fromS(expectedDeadline.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static boolean madeBy(Map<String, AttributeValue> stored, String token) {
        AttributeValue by = stored.get(MOVED_BY);
        return by != null && token.equals(by.s());
    }

    @Override
    public boolean recordsAlerts() {
        return true;
    }

    /**
     * One item per alert under the case ({@code ALERT#<id>}): a conditional PutItem claims it unless it
     * was sent or a claim younger than the lease holds it; read back when the condition fails, in case
     * the claim was this call's own attempt whose answer was lost.
     */
    @Override
    public boolean claimAlert(String caseId, String alertId, String token, Instant now, Duration lease) {
        Map<String, AttributeValue> key = alertKey(caseId, alertId);
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(ALERT_STATE, AttributeValue.fromS(ALERT_CLAIMED));
        item.put(ALERT_TOKEN, AttributeValue.fromS(token));
        item.put(ALERT_AT, number(now.toEpochMilli()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR (#state = :claimed AND #at <= :expired)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#state", ALERT_STATE, "#at", ALERT_AT))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(ALERT_CLAIMED),
                            ":expired", number(now.minus(lease).toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return tableOps.storedItem(e, key).map(stored -> stored.containsKey(ALERT_TOKEN)
                    && token.equals(stored.get(ALERT_TOKEN).s()) && ALERT_CLAIMED.equals(stored.get(ALERT_STATE).s()))
                    .orElse(false);
        }
    }

    @Override
    public void markAlertSent(String caseId, String alertId, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(alertKey(caseId, alertId))
                .updateExpression("SET #state = :sent, #at = :at")
                .expressionAttributeNames(Map.of("#state", ALERT_STATE, "#at", ALERT_AT))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(ALERT_SENT), ":at", number(at.toEpochMilli()))));
    }

    private static Map<String, AttributeValue> alertKey(String caseId, String alertId) {
        return Map.of(PK, AttributeValue.fromS(casePk(caseId)), SK, AttributeValue.fromS(ALERT_PREFIX + alertId));
    }

    @Override
    public Optional<CaseRecord> finishIngest(String caseId, long rowsRead, long rowsAccepted, long rowsRejected,
                                             long batchesQueued) {
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table).key(CaseItems.metaKey(caseId))
                    .updateExpression("SET #read = :read, #accepted = :accepted, #rejected = :rejected, "
                            + "#queued = :queued, #status = :scoring")
                    .conditionExpression("#status = :ingesting")
                    .expressionAttributeNames(Map.of(
                            "#read", COUNTER_PREFIX + Counters.ROWS_READ,
                            "#accepted", COUNTER_PREFIX + Counters.ROWS_ACCEPTED,
                            "#rejected", COUNTER_PREFIX + Counters.ROWS_REJECTED,
                            "#queued", BATCHES_QUEUED,
                            "#status", STATUS))
                    .expressionAttributeValues(Map.of(
                            ":read", number(rowsRead),
                            ":accepted", number(rowsAccepted),
                            ":rejected", number(rowsRejected),
                            ":queued", number(batchesQueued),
                            ":scoring", AttributeValue.fromS(CaseStatus.SCORING.name()),
                            ":ingesting", AttributeValue.fromS(CaseStatus.INGESTING.name())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(CaseItems.caseRecord(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void addRejects(String caseId, Collection<RowRejection> rejects) {
        // BatchWriteItem refuses two writes to one key in a request; the last one for a key wins.
        Map<String, WriteRequest> writes = new LinkedHashMap<>();
        for (RowRejection r : rejects) {
            String key = CaseItems.rejectSortKey(r);
            writes.remove(key);
            writes.put(key, WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(CaseItems.rejectItem(caseId, r)).build()).build());
        }
        batches.writeAll(new ArrayList<>(writes.values()));
    }

    @Override
    public void forEachReject(String caseId, Consumer<RowRejection> consumer) {
        tableOps.queryPrefix(casePk(caseId), REJECT_PREFIX, item -> consumer.accept(CaseItems.rejection(item)));
    }

    @Override
    public Optional<CaseRecord> completeBatch(String caseId, long batchNo, Map<String, Long> counterDeltas) {
        Map<String, Long> deltas = new TreeMap<>();
        counterDeltas.forEach((name, delta) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("counter names must not be blank");
            }
            if (delta != null && delta != 0) {
                deltas.put(name, delta);
            }
        });
        deltas.merge(Counters.BATCHES_DONE, 1L, Long::sum);

        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder add = new StringBuilder("ADD #done :batchSet");
        names.put("#done", DONE_BATCHES);
        names.put("#pk", PK);
        values.put(":batchSet", AttributeValue.fromNs(List.of(Long.toString(batchNo))));
        values.put(":batch", number(batchNo));
        int i = 0;
        for (Map.Entry<String, Long> delta : deltas.entrySet()) {
            names.put("#c" + i, COUNTER_PREFIX + delta.getKey());
            values.put(":c" + i, number(delta.getValue()));
            add.append(", #c").append(i).append(" :c").append(i);
            i++;
        }
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table).key(CaseItems.metaKey(caseId))
                    .updateExpression(add.toString())
                    .conditionExpression("attribute_exists(#pk) AND NOT contains(#done, :batch)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.of(CaseItems.caseRecord(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            if (tableOps.storedItem(e, CaseItems.metaKey(caseId)).isEmpty()) {
                throw new IllegalStateException("cannot count batch " + batchNo + ": there is no case " + caseId);
            }
            return Optional.empty();
        }
    }

    @Override
    public void appendDecision(String caseId, DecisionEntry entry) {
        tableOps.appendDecision(casePk(caseId), "case " + caseId, entry);
    }

    @Override
    public List<DecisionEntry> decisions(String caseId) {
        return tableOps.decisions(casePk(caseId));
    }
}
