package org.breachtriage.aws.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.aws.CaseTableSchema;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Makes dynalite answer a failed condition as DynamoDB does: a PutItem or UpdateItem that asked for
 * {@code ReturnValuesOnConditionCheckFailure=ALL_OLD} and failed its condition gets the stored item in
 * the error body's {@code Item} member, in DynamoDB's JSON. Dynalite ignores the parameter; this reads
 * the item with a client of its own (so the store under test is not seen sending a read) and splices
 * it into the answer before the SDK parses it, so the adapters' normal path is tested on the wire.
 */
public final class ReturnsItemOnConditionFailure implements ExecutionInterceptor {
    private static final List<String> KEY_ATTRIBUTES = List.of(CaseTableSchema.PK, CaseTableSchema.SK);

    private final DynamoDbClient reader;
    private final AtomicInteger spliced = new AtomicInteger();

    /** @param reader a client to the same emulator, without this interceptor */
    public ReturnsItemOnConditionFailure(DynamoDbClient reader) {
        this.reader = reader;
    }

    /** Answers given an item: a test that never needed one proves nothing. */
    public int spliced() {
        return spliced.get();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        Optional<Map<String, AttributeValue>> key = keyAskingForOldItem(context.request());
        if (body.isEmpty() || key.isEmpty() || context.httpResponse().statusCode() != 400) {
            return body;
        }
        String text;
        try (InputStream in = body.get()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.contains("ConditionalCheckFailedException") || text.contains("\"Item\"")) {
            return Optional.of(stream(text));
        }
        Map<String, AttributeValue> item = reader.getItem(b -> b.tableName(tableOf(context.request())).key(key.get())
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.of(stream(text)); // AWS, too, returns no item when there is none
        }
        spliced.incrementAndGet();
        int close = text.lastIndexOf('}');
        return Optional.of(stream(text.substring(0, close) + ",\"Item\":" + json(item) + "}"));
    }

    private static Optional<Map<String, AttributeValue>> keyAskingForOldItem(SdkRequest request) {
        if (request instanceof PutItemRequest put && put.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD) {
            return Optional.of(Map.of(KEY_ATTRIBUTES.get(0), put.item().get(KEY_ATTRIBUTES.get(0)),
                    KEY_ATTRIBUTES.get(1), put.item().get(KEY_ATTRIBUTES.get(1))));
        }
        if (request instanceof UpdateItemRequest update
                && update.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD) {
            return Optional.of(update.key());
        }
        return Optional.empty();
    }

    private static String tableOf(SdkRequest request) {
        return request.getValueForField("TableName", String.class).orElseThrow();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** DynamoDB's JSON for an item: each value a one-member object naming its type. */
    static String json(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, AttributeValue>> entries = item.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, AttributeValue> e = entries.next();
            out.append(quote(e.getKey())).append(':').append(value(e.getValue()));
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        return out.append('}').toString();
    }

    private static String value(AttributeValue v) {
        return switch (v.type()) {
            case S -> "{\"S\":" + quote(v.s()) + "}";
            case N -> "{\"N\":" + quote(v.n()) + "}";
            case B -> "{\"B\":" + quote(Base64.getEncoder().encodeToString(v.b().asByteArray())) + "}";
            case BOOL -> "{\"BOOL\":" + v.bool() + "}";
            case NUL -> "{\"NULL\":true}";
            case SS -> "{\"SS\":[" + String.join(",", v.ss().stream().map(ReturnsItemOnConditionFailure::quote).toList()) + "]}";
            case NS -> "{\"NS\":[" + String.join(",", v.ns().stream().map(ReturnsItemOnConditionFailure::quote).toList()) + "]}";
            case M -> "{\"M\":" + json(v.m()) + "}";
            case L -> "{\"L\":[" + String.join(",", v.l().stream().map(ReturnsItemOnConditionFailure::value).toList()) + "]}";
            default -> throw new IllegalArgumentException("attribute type " + v.type() + " is not used by the case table");
        };
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
