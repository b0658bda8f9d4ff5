package org.breachtriage.aws;

import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_INDEX;
import static org.breachtriage.aws.CaseTableSchema.CASE_LIST_PK;
import static org.breachtriage.aws.CaseTableSchema.DECISION_PREFIX;
import static org.breachtriage.aws.CaseTableSchema.META;
import static org.breachtriage.aws.CaseTableSchema.PK;
import static org.breachtriage.aws.CaseTableSchema.SK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.cases.DecisionEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The reads every store on the single case table shares: strongly consistent gets, the item a failed
 * condition saw, queries by key prefix and by the listing index, and the decision log kept under an
 * owner's partition (a case's or an incident's).
 */
final class DynamoTable {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Integer queryPageSize;

    /** {@code queryPageSize} limits items per Query page (null: DynamoDB's 1 MB pages); tests make it small. */
    DynamoTable(DynamoDbClient dynamo, String table, Integer queryPageSize) {
        this.dynamo = dynamo;
        this.table = table;
        this.queryPageSize = queryPageSize;
    }

    DynamoDbClient client() {
        return dynamo;
    }

    String name() {
        return table;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The item a failed condition saw: from the exception when the service returns it
     * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}; AWS always does when the item exists), else
     * read again, a GetItem tagged {@link RequestCounter#EMULATOR_FALLBACK}: dynalite returns none, and
     * the request budget counts what AWS would be sent.
     */
    Optional<Map<String, AttributeValue>> storedItem(ConditionalCheckFailedException e, Map<String, AttributeValue> key) {
        if (e.hasItem() && !e.item().isEmpty()) {
            return Optional.of(e.item());
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)
                .overrideConfiguration(o -> o.putExecutionAttribute(RequestCounter.EMULATOR_FALLBACK, true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every item of a partition whose sort key starts with {@code prefix}, in sort-key order. */
    void queryPrefix(String pk, String prefix, Consumer<Map<String, AttributeValue>> sink) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)))
                .consistentRead(true);
        if (queryPageSize != null) {
            query.limit(queryPageSize);
        }
        dynamo.queryPaginator(query.build()).items().forEach(sink);
    }

    /**
     * Every META item listed under {@code list} in the sparse listing index, newest first. The index
     * is eventually consistent: an item written a moment ago may be missing for that moment.
     */
    void queryList(String list, Consumer<Map<String, AttributeValue>> sink) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(CASE_LIST_INDEX)
                .keyConditionExpression("#list = :list")
                .expressionAttributeNames(Map.of("#list", CASE_LIST_PK))
                .expressionAttributeValues(Map.of(":list", AttributeValue.fromS(list)))
                .scanIndexForward(false);
        if (queryPageSize != null) {
            query.limit(queryPageSize);
        }
        dynamo.queryPaginator(query.build()).items().forEach(sink);
    }

    /**
     * Two requests: ADD to the owner's decision sequence on its META item, then write the entry under
     * that number, so the log reads back in append order even when entries share a timestamp.
     *
     * @throws IllegalStateException naming {@code owner} when its META item does not exist
     */
    void appendDecision(String pk, String owner, DecisionEntry entry) {
        long sequence;
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table).key(key(pk, META))
                    .updateExpression("ADD #seq :one")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#seq", CaseItems.DECISION_SEQ, "#pk", PK))
                    .expressionAttributeValues(Map.of(":one", CaseItems.number(1)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            sequence = Long.parseLong(response.attributes().get(CaseItems.DECISION_SEQ).n());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("cannot log a decision: there is no " + owner, e);
        }
        dynamo.putItem(b -> b.tableName(table).item(CaseItems.decisionItem(pk, sequence, entry)));
    }

    List<DecisionEntry> decisions(String pk) {
        List<DecisionEntry> entries = new ArrayList<>();
        queryPrefix(pk, DECISION_PREFIX, item -> entries.add(CaseItems.decision(item)));
        return entries;
    }
}
