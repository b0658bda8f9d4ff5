package org.breachtriage.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem and BatchWriteItem over one table, in chunks of the service maximum, retrying the
 * keys or writes DynamoDB hands back as unprocessed (it does so under throttling or when a response
 * would pass 16 MB) with {@link Backoff}. Keys and writes must be unique within one call.
 */
final class DynamoBatches {
    static final int MAX_GET_KEYS = 100;
    static final int MAX_WRITES = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final boolean consistentRead;

    DynamoBatches(DynamoDbClient dynamo, String table, Backoff backoff, boolean consistentRead) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
        this.consistentRead = consistentRead;
    }

    /** Fetches the items that exist for these keys and hands each to {@code sink}, in no particular order. */
    void getAll(List<Map<String, AttributeValue>> keys, Consumer<Map<String, AttributeValue>> sink) {
        for (int from = 0; from < keys.size(); from += MAX_GET_KEYS) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + MAX_GET_KEYS));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > backoff.maxAttempts()) {
                    throw new IncompleteBatchException("DynamoDB table " + table + " left " + pending.size()
                            + " of the keys unprocessed after " + backoff.maxAttempts() + " BatchGetItem attempts", pending.size());
                }
                if (attempt > 1) {
                    backoff.pauseBeforeRetry(attempt - 1);
                }
                List<Map<String, AttributeValue>> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(request).consistentRead(consistentRead).build())));
                response.responses().getOrDefault(table, List.of()).forEach(sink);
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                pending = unprocessed == null ? List.of() : new ArrayList<>(unprocessed.keys());
            }
        }
    }

    /** Writes all these requests, at most 25 per call. */
    void writeAll(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += MAX_WRITES) {
            List<WriteRequest> pending = writes.subList(from, Math.min(writes.size(), from + MAX_WRITES));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > backoff.maxAttempts()) {
                    throw new IncompleteBatchException("DynamoDB table " + table + " left " + pending.size()
                            + " writes unprocessed after " + backoff.maxAttempts() + " BatchWriteItem attempts", pending.size());
                }
                if (attempt > 1) {
                    backoff.pauseBeforeRetry(attempt - 1);
                }
                List<WriteRequest> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, request)));
                List<WriteRequest> unprocessed = response.unprocessedItems().get(table);
                pending = unprocessed == null ? List.of() : new ArrayList<>(unprocessed);
            }
        }
    }
}
