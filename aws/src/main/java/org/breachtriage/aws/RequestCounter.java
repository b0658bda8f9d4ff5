package org.breachtriage.aws;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Counts SDK calls per service and operation, and the largest number of entries seen in one batch
 * request, so tests and benchmarks can check the request budget (≤ 1 DynamoDB read per 100 rows,
 * ≤ 1 SNS request per 10 notices, ≤ 1 SQS send per 10 batches). Thread-safe.
 *
 * <p>A call is one API operation as the caller made it; {@link #attempts} also counts the SDK's own
 * HTTP retries of it. Keys are {@code Service.Operation} with the SDK's service names, e.g.
 * {@code DynamoDb.BatchGetItem}, {@code Sqs.SendMessageBatch}, {@code Sns.PublishBatch}, {@code S3.PutObject}.
 *
 * <p>It also remembers which resources each operation addressed (table names, queue URLs, topic ARNs,
 * buckets: {@link #targets()}), and the object keys of S3 calls ({@link #objectKeys()}), so a test can
 * check every call against the IAM policy of the function that made it, down to a policy's key prefix.
 * For a Query or Scan it remembers which index it read ({@link #indexes()}): IAM grants a table and its
 * indexes apart.
 *
 * <p>A request the adapters make only because the service left something out that AWS would have
 * returned (a GetItem after a failed condition, where dynalite ignores
 * {@code ReturnValuesOnConditionCheckFailure}) is tagged with {@link #EMULATOR_FALLBACK}: it is still
 * in {@link #calls} (it was sent, and IAM must allow it), and also in {@link #emulatorFallbacks}, so a
 * budget can hold for what AWS would be sent.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxEntries = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> targets = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> objectKeys = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> indexes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> conditionsFailed = new ConcurrentHashMap<>();

    /**
     * Set on a request's override configuration by an adapter that sends it only because the emulator
     * left out what AWS returns (see the class note).
     */
    public static final ExecutionAttribute<Boolean> EMULATOR_FALLBACK = new ExecutionAttribute<>("BreachTriageEmulatorFallback");

    /** What {@link #indexes()} records for a Query or Scan of the table itself. */
    public static final String TABLE_ITSELF = "";

    /** The request fields that name the resource a call addresses, in the SDK's member names. */
    private static final String[] TARGET_FIELDS = {"TableName", "QueueUrl", "TopicArn", "Bucket"};

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String key = key(attributes);
        calls.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (Boolean.TRUE.equals(attributes.getAttribute(EMULATOR_FALLBACK))) {
            fallbacks.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
        Set<String> addressed = targets.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        addressed.addAll(targetsOf(context.request()));
        // S3 names an object by a string "Key"; DynamoDB's "Key" is an item key (a map), not counted here.
        context.request().getValueForField("Key", Object.class).filter(String.class::isInstance).ifPresent(objectKey ->
                objectKeys.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add((String) objectKey));
        if (context.request() instanceof QueryRequest || context.request() instanceof ScanRequest) {
            String index = context.request().getValueForField("IndexName", String.class).orElse(TABLE_ITSELF);
            indexes.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(index);
        }
        int entries = batchEntries(context.request());
        if (entries >= 0) {
            maxEntries.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(entries, Math::max);
        }
    }

    /** A write whose condition failed: still a request, and on AWS a write unit spent for nothing. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof ConditionalCheckFailedException) {
            conditionsFailed.computeIfAbsent(key(attributes), k -> new LongAdder()).increment();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.computeIfAbsent(key(attributes), k -> new LongAdder()).increment();
    }

    /** Calls of one operation of one service, e.g. {@code calls("DynamoDb", "BatchGetItem")}. */
    public long calls(String service, String operation) {
        LongAdder adder = calls.get(service + "." + operation);
        return adder == null ? 0 : adder.sum();
    }

    /** Calls of an operation, whichever service (our four services share no operation names we use). */
    public long calls(String operation) {
        return sumEndingWith(calls, "." + operation);
    }

    /**
     * Calls of an operation tagged {@link #EMULATOR_FALLBACK}: sent only because the emulator left out
     * what AWS returns, so AWS would not have been sent them. Included in {@link #calls} as well.
     */
    public long emulatorFallbacks(String operation) {
        return sumEndingWith(fallbacks, "." + operation);
    }

    /** Calls of an operation that failed their condition (ConditionalCheckFailedException). */
    public long conditionsFailed(String operation) {
        return sumEndingWith(conditionsFailed, "." + operation);
    }

    /** Failed conditions so far ({@link #conditionsFailed}), sorted by key, for printing. */
    public Map<String, Long> conditionsFailedSnapshot() {
        Map<String, Long> copy = new TreeMap<>();
        conditionsFailed.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Fallback calls so far ({@link #emulatorFallbacks}), sorted by key, for printing. */
    public Map<String, Long> fallbackSnapshot() {
        Map<String, Long> copy = new TreeMap<>();
        fallbacks.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** HTTP attempts of an operation, SDK retries included. */
    public long attempts(String operation) {
        return sumEndingWith(attempts, "." + operation);
    }

    /** All calls to one service. */
    public long callsTo(String service) {
        long total = 0;
        for (Map.Entry<String, LongAdder> e : calls.entrySet()) {
            if (e.getKey().startsWith(service + ".")) {
                total += e.getValue().sum();
            }
        }
        return total;
    }

    /**
     * The most entries seen in one request of a batch operation (PublishBatch, SendMessageBatch,
     * DeleteMessageBatch, BatchGetItem keys, BatchWriteItem writes), or 0 if none was made.
     */
    public int maxEntries(String operation) {
        int max = 0;
        for (Map.Entry<String, AtomicInteger> e : maxEntries.entrySet()) {
            if (e.getKey().endsWith("." + operation)) {
                max = Math.max(max, e.getValue().get());
            }
        }
        return max;
    }

    /** Calls so far, sorted by key, for printing. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Operation key → the resources its calls addressed (table names, queue URLs, topic ARNs, buckets), sorted. */
    public Map<String, Set<String>> targets() {
        Map<String, Set<String>> copy = new TreeMap<>();
        targets.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return copy;
    }

    /** Operation key → the object keys its calls addressed (S3 calls on an object: PutObject, GetObject, …), sorted. */
    public Map<String, Set<String>> objectKeys() {
        Map<String, Set<String>> copy = new TreeMap<>();
        objectKeys.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return copy;
    }

    /**
     * Operation key ({@code DynamoDb.Query}, {@code DynamoDb.Scan}) → the indexes its calls read, sorted;
     * {@link #TABLE_ITSELF} for a call on the table itself.
     */
    public Map<String, Set<String>> indexes() {
        Map<String, Set<String>> copy = new TreeMap<>();
        indexes.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return copy;
    }

    public void reset() {
        calls.clear();
        attempts.clear();
        maxEntries.clear();
        targets.clear();
        objectKeys.clear();
        indexes.clear();
        fallbacks.clear();
        conditionsFailed.clear();
    }

    @Override
    public String toString() {
        return "RequestCounter" + snapshot();
    }

    private static String key(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static long sumEndingWith(Map<String, LongAdder> map, String suffix) {
        long total = 0;
        for (Map.Entry<String, LongAdder> e : map.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                total += e.getValue().sum();
            }
        }
        return total;
    }

    /** The resources a request names: its table, queue, topic or bucket, or the tables of a batch request. */
    static Set<String> targetsOf(SdkRequest request) {
        Set<String> found = new TreeSet<>();
        for (String field : TARGET_FIELDS) {
            request.getValueForField(field, String.class).ifPresent(found::add);
        }
        request.getValueForField("RequestItems", Map.class).ifPresent(items -> {
            for (Object table : ((Map<?, ?>) items).keySet()) {
                found.add(String.valueOf(table));
            }
        });
        return found;
    }

    /** Entries in a batch request, or -1 for a request that is not a batch. */
    static int batchEntries(SdkRequest request) {
        if (request instanceof PublishBatchRequest r) {
            return r.publishBatchRequestEntries().size();
        }
        if (request instanceof SendMessageBatchRequest r) {
            return r.entries().size();
        }
        if (request instanceof DeleteMessageBatchRequest r) {
            return r.entries().size();
        }
        if (request instanceof BatchGetItemRequest r) {
            return r.requestItems().values().stream().mapToInt(keys -> keys.keys().size()).sum();
        }
        if (request instanceof BatchWriteItemRequest r) {
            return r.requestItems().values().stream().mapToInt(java.util.List::size).sum();
        }
        return -1;
    }
}
