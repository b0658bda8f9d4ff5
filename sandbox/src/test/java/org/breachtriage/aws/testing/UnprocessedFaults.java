package org.breachtriage.aws.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB look throttled the way it really does it: a 200 response that hands part of the
 * batch back. Neither emulator ever does this, so we rewrite their responses. For the first
 * {@code faultyResponses} BatchGetItem responses, every other returned item is removed and its key
 * put in UnprocessedKeys; for BatchWriteItem, the last {@code writesToBounce} writes of the request
 * are reported as UnprocessedItems (they were written; a retry writes them again, which is harmless).
 * A negative {@code faultyResponses} means every response is faulty.
 */
public final class UnprocessedFaults implements ExecutionInterceptor {

    private final List<String> keyAttributes;
    private final AtomicInteger faultsLeft;
    private final boolean always;
    private final int writesToBounce;
    private final AtomicInteger injected = new AtomicInteger();

    public UnprocessedFaults(String keyAttribute, int faultyResponses, int writesToBounce) {
        this(List.of(keyAttribute), faultyResponses, writesToBounce);
    }

    /** For a table whose key has several attributes (the case table's partition and sort key). */
    public UnprocessedFaults(List<String> keyAttributes, int faultyResponses, int writesToBounce) {
        this.keyAttributes = List.copyOf(keyAttributes);
        this.faultsLeft = new AtomicInteger(faultyResponses);
        this.always = faultyResponses < 0;
        this.writesToBounce = writesToBounce;
    }

    /** Responses rewritten so far. */
    public int injected() {
        return injected.get();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (!(response instanceof BatchGetItemResponse) && !(response instanceof BatchWriteItemResponse)) {
            return response;
        }
        if (!always && faultsLeft.getAndDecrement() <= 0) {
            return response;
        }
        if (response instanceof BatchGetItemResponse get) {
            injected.incrementAndGet();
            return withUnprocessedKeys(get);
        }
        injected.incrementAndGet();
        return withUnprocessedWrites((BatchWriteItemResponse) response, (BatchWriteItemRequest) context.request());
    }

    private BatchGetItemResponse withUnprocessedKeys(BatchGetItemResponse response) {
        Map<String, List<Map<String, AttributeValue>>> kept = new HashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
        response.responses().forEach((table, items) -> {
            List<Map<String, AttributeValue>> keep = new ArrayList<>();
            List<Map<String, AttributeValue>> handBack = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (always || i % 2 == 1) {
                    Map<String, AttributeValue> key = new HashMap<>();
                    for (String attribute : keyAttributes) {
                        key.put(attribute, items.get(i).get(attribute));
                    }
                    handBack.add(key);
                } else {
                    keep.add(items.get(i));
                }
            }
            kept.put(table, keep);
            if (!handBack.isEmpty()) {
                unprocessed.put(table, KeysAndAttributes.builder().keys(handBack).build());
            }
        });
        return response.toBuilder().responses(kept).unprocessedKeys(unprocessed).build();
    }

    private BatchWriteItemResponse withUnprocessedWrites(BatchWriteItemResponse response, BatchWriteItemRequest request) {
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
        request.requestItems().forEach((table, writes) -> {
            int bounce = always ? writes.size() : Math.min(writesToBounce, writes.size());
            unprocessed.put(table, new ArrayList<>(writes.subList(writes.size() - bounce, writes.size())));
        });
        return response.toBuilder().unprocessedItems(unprocessed).build();
    }
}
