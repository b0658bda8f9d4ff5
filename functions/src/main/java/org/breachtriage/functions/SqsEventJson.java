package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.json.Json;

/**
 * SQS events read, and batch responses written, with the project's own Jackson mapper, for the
 * handlers' stream entry points. Why: for a {@code RequestHandler<SQSEvent, …>} the Lambda Java
 * runtime deserialises the event with its own serialisation library (a shaded Jackson and Gson), which
 * loads about 1,000 classes on the first event that the function's own Jackson, loaded anyway for the
 * message bodies, does not need (see docs/benchmarks.md, "Cold start").
 *
 * <p>The shape is Lambda's SQS event: {@code Records[]} with {@code messageId}, {@code receiptHandle},
 * {@code body}, {@code attributes}, {@code messageAttributes}, {@code md5OfBody},
 * {@code md5OfMessageAttributes}, {@code eventSource}, {@code eventSourceARN} and {@code awsRegion};
 * the answer is {@code {"batchItemFailures":[{"itemIdentifier":"…"}]}}, as the runtime writes it.
 */
final class SqsEventJson {
    private SqsEventJson() {
    }

    static SQSEvent read(InputStream in) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        SQSEvent event = new SQSEvent();
        if (root == null || !root.path("Records").isArray()) {
            event.setRecords(List.of());
            return event;
        }
        List<SQSMessage> messages = new ArrayList<>();
        for (JsonNode record : root.path("Records")) {
            SQSMessage message = new SQSMessage();
            message.setMessageId(text(record, "messageId"));
            message.setReceiptHandle(text(record, "receiptHandle"));
            message.setBody(text(record, "body"));
            message.setMd5OfBody(text(record, "md5OfBody"));
            message.setMd5OfMessageAttributes(text(record, "md5OfMessageAttributes"));
            message.setEventSource(text(record, "eventSource"));
            message.setEventSourceArn(text(record, "eventSourceARN"));
            message.setAwsRegion(text(record, "awsRegion"));
            message.setAttributes(strings(record.path("attributes")));
            message.setMessageAttributes(messageAttributes(record.path("messageAttributes")));
            messages.add(message);
        }
        event.setRecords(messages);
        return event;
    }

    static void write(SQSBatchResponse response, OutputStream out) throws IOException {
        List<Map<String, String>> failures = new ArrayList<>();
        if (response != null && response.getBatchItemFailures() != null) {
            for (BatchItemFailure failure : response.getBatchItemFailures()) {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("itemIdentifier", failure.getItemIdentifier());
                failures.add(item);
            }
        }
        out.write(Json.writeBytes(Map.of("batchItemFailures", failures)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return values;
    }

    private static Map<String, MessageAttribute> messageAttributes(JsonNode object) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            JsonNode value = e.getValue();
            MessageAttribute attribute = new MessageAttribute();
            attribute.setDataType(text(value, "dataType"));
            attribute.setStringValue(text(value, "stringValue"));
            String binary = text(value, "binaryValue");
            if (binary != null) {
                attribute.setBinaryValue(ByteBuffer.wrap(Base64.getDecoder().decode(binary)));
            }
            List<String> stringList = new ArrayList<>();
            value.path("stringListValues").forEach(s -> stringList.add(s.asText()));
            attribute.setStringListValues(stringList);
            List<ByteBuffer> binaryList = new ArrayList<>();
            value.path("binaryListValues").forEach(b -> binaryList.add(ByteBuffer.wrap(Base64.getDecoder().decode(b.asText()))));
            attribute.setBinaryListValues(binaryList);
            attributes.put(e.getKey(), attribute);
        });
        return attributes;
    }
}
