package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breachtriage.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The SQS functions' stream entry point reads events as the Lambda Java runtime's own serialiser does
 * (aws-lambda-java-tests' EventLoader uses that serialiser) and answers as it writes batch responses.
 */
class SqsEventJsonTest {

    @Test
    void everyEventFixtureReadsAsTheRuntimeReadsIt() throws Exception {
        for (String fixture : List.of("sqs/score-batch.json", "sqs/redelivered-duplicate.json", "sqs/report-trigger.json",
                "sqs/release-request.json")) {
            try (InputStream in = Files.newInputStream(Fixtures.events(fixture))) {
                assertSameEvent(Fixtures.sqsEvent(fixture), SqsEventJson.read(in), fixture);
            }
        }
    }

    @Test
    void messageAttributesOfEveryKindReadAsTheRuntimeReadsThem() throws Exception {
        String event = """
                {"Records":[{"messageId":"m-1","receiptHandle":"r-1","body":"{}","attributes":{"ApproximateReceiveCount":"2"},
                 "messageAttributes":{"kind":{"stringValue":"batch","dataType":"String","stringListValues":[],"binaryListValues":[]},
                                      "blob":{"binaryValue":"AQID","dataType":"Binary","stringListValues":[],"binaryListValues":[]}},
                 "md5OfBody":"99914b932bd37a50b983c5e7c90ae93b","md5OfMessageAttributes":"00000000000000000000000000000000",
                 "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-2:000000000000:triage-batches","awsRegion":"eu-west-2"}]}
                """;
        Path file = Files.createTempFile("sqs-event-", ".json");
        try {
            Files.writeString(file, event);
            SQSEvent expected = EventLoader.loadSQSEvent(file.toString());
            SQSEvent read = SqsEventJson.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
            assertSameEvent(expected, read, "made-up event");
            assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), bytes(read.getRecords().get(0).getMessageAttributes().get("blob")));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anEventWithoutRecordsIsAnEmptyBatch() throws Exception {
        assertEquals(List.of(), SqsEventJson.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))).getRecords());
    }

    @Test
    void theAnswerIsTheBatchResponseAsTheRuntimeWritesIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqsEventJson.write(new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2"))), out);
        assertEquals(Json.MAPPER.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}"), Json.MAPPER.readTree(out.toByteArray()));
        out.reset();
        SqsEventJson.write(new SQSBatchResponse(List.of()), out);
        assertEquals("{\"batchItemFailures\":[]}", out.toString(StandardCharsets.UTF_8));
    }

    private static void assertSameEvent(SQSEvent expected, SQSEvent read, String what) {
        assertEquals(expected.getRecords().size(), read.getRecords().size(), what);
        for (int i = 0; i < expected.getRecords().size(); i++) {
            SQSMessage e = expected.getRecords().get(i);
            SQSMessage r = read.getRecords().get(i);
            String where = what + ", record " + i;
            assertEquals(e.getMessageId(), r.getMessageId(), where);
            assertEquals(e.getReceiptHandle(), r.getReceiptHandle(), where);
            assertEquals(e.getBody(), r.getBody(), where);
            assertEquals(e.getMd5OfBody(), r.getMd5OfBody(), where);
            assertEquals(e.getMd5OfMessageAttributes(), r.getMd5OfMessageAttributes(), where);
            assertEquals(e.getEventSource(), r.getEventSource(), where);
            assertEquals(e.getEventSourceArn(), r.getEventSourceArn(), where);
            assertEquals(e.getAwsRegion(), r.getAwsRegion(), where);
            assertEquals(e.getAttributes(), r.getAttributes(), where);
            assertEquals(e.getMessageAttributes() == null ? 0 : e.getMessageAttributes().size(), r.getMessageAttributes().size(), where);
            if (e.getMessageAttributes() != null) {
                e.getMessageAttributes().forEach((name, attribute) -> {
                    MessageAttribute got = r.getMessageAttributes().get(name);
                    assertEquals(attribute.getDataType(), got.getDataType(), where + ", " + name);
                    assertEquals(attribute.getStringValue(), got.getStringValue(), where + ", " + name);
                    assertEquals(bytes(attribute), bytes(got), where + ", " + name);
                });
            }
        }
    }

    private static List<Byte> bytes(MessageAttribute attribute) {
        if (attribute.getBinaryValue() == null) {
            return null;
        }
        var buffer = attribute.getBinaryValue().duplicate();
        List<Byte> bytes = new java.util.ArrayList<>();
        while (buffer.hasRemaining()) {
            bytes.add(buffer.get());
        }
        return bytes;
    }
}
