package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.incident.Reminder;
import org.breachtriage.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The ingest function's stream entry point reads S3 events as the Lambda Java runtime's own serialiser
 * does (aws-lambda-java-tests' EventLoader uses that serialiser), {@code eventTime} apart, and the ingest
 * and clock functions answer as that serialiser writes their summaries.
 */
class S3EventJsonTest {

    @Test
    void everyS3FixtureReadsAsTheRuntimeReadsItBarItsTime() throws Exception {
        for (String fixture : List.of("s3/put-manifest.json", "s3/put-key-with-spaces.json", "s3/put-own-output.json")) {
            S3Event expected = EventLoader.loadS3Event(Fixtures.events(fixture).toString());
            S3Event read;
            try (InputStream in = Files.newInputStream(Fixtures.events(fixture))) {
                read = S3EventJson.read(in);
            }
            assertEquals(expected.getRecords().size(), read.getRecords().size(), fixture);
            for (int i = 0; i < expected.getRecords().size(); i++) {
                S3EventNotificationRecord e = expected.getRecords().get(i);
                S3EventNotificationRecord r = read.getRecords().get(i);
                assertNotNull(e.getEventTime(), "the runtime parses the time (with Joda-Time)");
                assertNull(r.getEventTime(), "the one field not read");
                // Everything else, by the library's own JSON of the record, time left out of both.
                assertEquals(withoutTime(e), withoutTime(r), fixture + ", record " + i);
                assertEquals(S3ManifestEvents.manifestKey(e, "breach-triage-local"),
                        S3ManifestEvents.manifestKey(r, "breach-triage-local"), fixture);
            }
        }
    }

    @Test
    void anEventWithoutRecordsIsRefusedAsNotAnS3Event() throws Exception {
        for (String event : List.of("{}", "{\"Records\":[]}", "null", "[]")) {
            S3Event read = S3EventJson.read(in(event));
            var refused = assertThrows(UnprocessableEventException.class, () -> S3ManifestEvents.of(read, "b"), event);
            assertEquals("not an S3 event: it has no Records", refused.getMessage());
        }
    }

    @Test
    void aRecordWithoutAnObjectIsLeftAloneWithTheReason() throws Exception {
        S3Event read = S3EventJson.read(in("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}, 7,"
                + " {\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"size\":\"big\"}}}]}"));
        S3ManifestEvents.Manifests manifests = S3ManifestEvents.of(read, "b");
        assertEquals(List.of(), manifests.keys());
        assertEquals(3, manifests.ignored().size());
        manifests.ignored().forEach(ignored -> assertEquals("not an S3 object record (no bucket or key)", ignored.reason()));
    }

    @Test
    void anEventThatIsNotJsonIsRefusedWithoutQuotingIt() {
        var refused = assertThrows(UnprocessableEventException.class, () -> S3EventJson.read(in("{\"Records\": [Smith")));
        assertTrue(refused.getMessage().startsWith("not an S3 event: it is not JSON (line 1, column "), refused.getMessage());
        assertFalse(refused.getMessage().contains("Smith"), refused.getMessage());
    }

    @Test
    void theSummariesAreWrittenAsTheRuntimeWritesThem() throws Exception {
        var ingest = new IngestHandler.Summary(List.of("BT-1"), 1, 0,
                List.of(new IgnoredRecord("s3://b/reports/x.json", "one of triage's own outputs")));
        assertEquals(asTheRuntimeWrites(ingest, IngestHandler.Summary.class), Json.MAPPER.readTree(Json.writeBytes(ingest)));
        var clock = new ClockHandler.Summary(2, List.of(new IncidentClock.Sent("IN-1", Reminder.Threshold.HOURS_6, 5, 3)));
        assertEquals(asTheRuntimeWrites(clock, ClockHandler.Summary.class), Json.MAPPER.readTree(Json.writeBytes(clock)));
    }

    private static <T> com.fasterxml.jackson.databind.JsonNode asTheRuntimeWrites(T value, Class<T> type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JacksonFactory.getInstance().getSerializer(type).toJson(value, out);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    /** The record as the runtime's serialiser writes it, with its time taken out. */
    private static com.fasterxml.jackson.databind.JsonNode withoutTime(S3EventNotificationRecord record) {
        S3EventNotificationRecord copy = new S3EventNotificationRecord(record.getAwsRegion(), record.getEventName(),
                record.getEventSource(), null, record.getEventVersion(), record.getRequestParameters(),
                record.getResponseElements(), record.getS3(), record.getUserIdentity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader())
                .toJson(new S3Event(List.of(copy)), out);
        try {
            // Written, a record with no time says "now": the serialiser's Joda mix-in, not the record.
            var tree = Json.MAPPER.readTree(out.toByteArray());
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("Records").get(0)).remove("eventTime");
            return tree;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
