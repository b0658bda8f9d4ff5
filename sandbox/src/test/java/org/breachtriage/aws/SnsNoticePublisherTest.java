package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.FailBatchEntries;
import org.breachtriage.aws.testing.QueueReader;
import org.breachtriage.aws.testing.RequestCapture;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

@ExtendWith(EmulatorStackExtension.class)
class SnsNoticePublisherTest {

    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private final EmulatorStack stack;
    private final QueueReader reader;
    private final String run = TestData.uniqueId("run");

    SnsNoticePublisherTest(EmulatorStack stack) {
        this.stack = stack;
        this.reader = new QueueReader(stack.clients().sqs());
    }

    private OutboundMessage notice(int i) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("eventType", "notice.required");
        attributes.put("severity", i % 2 == 0 ? "HIGH" : "VERY_HIGH");
        attributes.put("force", "MPS");
        attributes.put("supplier", " "); // blank: SNS would refuse it, so it must be left out
        // An id that is no valid batch entry id: the publisher must use its own.
        return new OutboundMessage("notice/" + run + "/MP " + i + "#1",
                Json.write(Map.of("schemaVersion", 1, "run", run, "n", i)), null, attributes);
    }

    private OutboundMessage alert(String eventType) {
        return new OutboundMessage(run + "-" + eventType,
                Json.write(Map.of("schemaVersion", 1, "run", run, "eventType", eventType)),
                "Breach case " + run + ": " + eventType + ". No personal data in this message.",
                Map.of("eventType", eventType, "severity", "HIGH", "supplier", "Acme ID Cards Ltd"));
    }

    private boolean ours(String sqsBody) {
        return sqsBody.contains(run);
    }

    @Test
    void publishes25NoticesInThreeRequestsAndSubscribersGetThemWithAttributes() {
        List<OutboundMessage> notices = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            notices.add(notice(i));
        }
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            new SnsNoticePublisher(clients.sns(), stack.names()).publish(Topic.NOTICES, notices);
        }
        assertEquals(3, counter.calls("PublishBatch"), "25 notices, 10 per request");
        assertTrue(counter.maxEntries("PublishBatch") <= 10, "never more than SNS's 10 (fauxqs would take 11)");
        assertEquals(10, counter.maxEntries("PublishBatch"));

        List<String> bodies = reader.bodies(stack.resources().noticesInspectionQueueUrl(), 25, DELIVERY, Duration.ZERO, this::ours);
        assertEquals(25, bodies.size());
        Set<Integer> numbers = new HashSet<>();
        for (String body : bodies) {
            QueueReader.Envelope envelope = QueueReader.Envelope.parse(body);
            assertEquals("Notification", envelope.type());
            assertEquals(stack.names().noticesTopicArn(), envelope.topicArn());
            JsonNode message = Json.read(envelope.message(), JsonNode.class);
            assertEquals(run, message.path("run").asText(), "notices are the plain JSON body");
            numbers.add(message.path("n").asInt());
            assertEquals("notice.required", envelope.attributes().get("eventType"));
            assertEquals("MPS", envelope.attributes().get("force"));
            assertTrue(Set.of("HIGH", "VERY_HIGH").contains(envelope.attributes().get("severity")));
            assertFalse(envelope.attributes().containsKey("supplier"), "blank attributes are left out");
        }
        assertEquals(25, numbers.size(), "each notice once");
    }

    @Test
    void alertsCarryOneTextPerProtocolAndTheFederationFilterPassesOnlyCaseReported() {
        RequestCapture<PublishBatchRequest> capture = new RequestCapture<>(PublishBatchRequest.class);
        List<OutboundMessage> alerts = List.of(alert("case.opened"), alert("case.reported"), alert("case.scored"));
        try (AwsClients clients = stack.newClients(capture)) {
            new SnsNoticePublisher(clients.sns(), stack.names()).publish(Topic.ALERTS, alerts);
        }

        List<PublishBatchRequestEntry> entries = capture.captured().stream()
                .flatMap(r -> r.publishBatchRequestEntries().stream()).toList();
        assertEquals(3, entries.size());
        for (PublishBatchRequestEntry entry : entries) {
            assertEquals("json", entry.messageStructure());
            JsonNode structure = Json.read(entry.message(), JsonNode.class);
            OutboundMessage alert = alerts.stream().filter(a -> a.eventType().equals(entry.messageAttributes()
                    .get("eventType").stringValue())).findFirst().orElseThrow();
            assertEquals(alert.body(), structure.path("default").asText());
            assertEquals(alert.body(), structure.path("sqs").asText());
            assertEquals(alert.body(), structure.path("https").asText());
            assertEquals(alert.readableText(), structure.path("email").asText());
        }

        // Wait a little after the expected one arrives, so a wrongly passed alert would show up too.
        List<String> bodies = reader.bodies(stack.resources().federationInspectionQueueUrl(), 1, DELIVERY,
                Duration.ofMillis(500), this::ours);
        assertEquals(1, bodies.size(), "only case.reported passes the Federation's filter: " + bodies);
        QueueReader.Envelope envelope = QueueReader.Envelope.parse(bodies.get(0));
        assertEquals("case.reported", envelope.attributes().get("eventType"));
        assertEquals("Acme ID Cards Ltd", envelope.attributes().get("supplier"));
        assertEquals(alerts.get(1).body(), sqsText(envelope.message()));
    }

    /**
     * Real SNS delivers the "sqs" member of a MessageStructure=json message; fauxqs 1.9 ignores
     * MessageStructure and delivers the whole document. Accept both, having checked above what we send.
     */
    private static String sqsText(String delivered) {
        JsonNode node = Json.read(delivered, JsonNode.class);
        return node.has("default") && node.has("sqs") ? node.path("sqs").asText() : delivered;
    }

    @Test
    void entriesReportedFailedArePublishedAgain() {
        FailBatchEntries faults = new FailBatchEntries("m4", 1, false);
        RequestCounter counter = new RequestCounter();
        List<OutboundMessage> notices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            notices.add(notice(i));
        }
        try (AwsClients clients = stack.newClients(faults, counter)) {
            new SnsNoticePublisher(clients.sns(), stack.names(), FAST).publish(Topic.NOTICES, notices);
        }
        assertEquals(1, faults.failed());
        assertEquals(2, counter.calls("PublishBatch"));
        List<String> bodies = reader.bodies(stack.resources().noticesInspectionQueueUrl(), 6, DELIVERY,
                Duration.ofMillis(300), this::ours);
        assertEquals(6, bodies.size(), "each notice exactly once");
    }

    @Test
    void persistentFailuresStopAfterTheBoundAndSenderFaultsAtOnce() {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(new FailBatchEntries("m0", -1, false), counter)) {
            IncompleteBatchException e = assertThrows(IncompleteBatchException.class,
                    () -> new SnsNoticePublisher(clients.sns(), stack.names(), FAST).publish(Topic.ALERTS, List.of(alert("case.opened"))));
            assertEquals(1, e.entriesLeft());
            assertTrue(e.getMessage().contains("after 3 attempts; last error: InternalError"), e.getMessage());
            assertEquals(3, counter.calls("PublishBatch"));
        }
        try (AwsClients clients = stack.newClients(new FailBatchEntries("m1", -1, true))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SnsNoticePublisher(clients.sns(), stack.names(), FAST)
                            .publish(Topic.NOTICES, List.of(notice(0), notice(1))));
            assertTrue(e.getMessage().startsWith("SNS refused message 1 of this call for notices"), e.getMessage());
            assertFalse(e.getMessage().contains(run), "message ids (which may hold pay numbers) stay out of errors");
        }
        reader.bodies(stack.resources().noticesInspectionQueueUrl(), 2, Duration.ofSeconds(2), Duration.ZERO, this::ours);
    }

    /**
     * The notices topic is FIFO: each entry carries the notice id as its MessageDeduplicationId and the
     * person as its MessageGroupId, and a second publication of the same notice (a publisher taking over
     * a dead one's claim, within SNS's five minutes) reaches the FIFO subscriber once. fauxqs keeps the
     * de-duplication at the subscribed FIFO queue rather than at the topic; what the subscriber gets is
     * the same. A different notice of the same person is not swallowed.
     */
    @Test
    void theFifoNoticesTopicDeliversANoticePublishedTwiceOnce() {
        assertTrue(SnsNoticePublisher.isFifo(stack.names().noticesTopicArn()), stack.names().noticesTopicArn());
        String person = "IN-" + run + "-MP1234";
        OutboundMessage initial = new OutboundMessage(person.replace("-MP", "-notice-MP") + "-initial-HIGH",
                Json.write(Map.of("run", run, "kind", "initial")), null, Map.of("eventType", "person.notice"), person);
        OutboundMessage escalation = new OutboundMessage(person.replace("-MP", "-notice-MP") + "-escalation-VERY_HIGH",
                Json.write(Map.of("run", run, "kind", "escalation")), null, Map.of("eventType", "person.notice"), person);
        RequestCapture<PublishBatchRequest> capture = new RequestCapture<>(PublishBatchRequest.class);
        try (AwsClients clients = stack.newClients(capture)) {
            SnsNoticePublisher publisher = new SnsNoticePublisher(clients.sns(), stack.names(), FAST);
            publisher.publish(Topic.NOTICES, List.of(initial));
            publisher.publish(Topic.NOTICES, List.of(initial, escalation));
        }
        List<PublishBatchRequestEntry> entries = capture.captured().stream()
                .flatMap(r -> r.publishBatchRequestEntries().stream()).toList();
        assertEquals(3, entries.size());
        for (PublishBatchRequestEntry entry : entries) {
            assertEquals(entry.messageAttributes().get(SnsNoticePublisher.MESSAGE_ID_ATTRIBUTE).stringValue(),
                    entry.messageDeduplicationId(), "de-duplicated on the notice id");
            assertEquals(person, entry.messageGroupId(), "one person's notices are one group");
        }
        List<String> bodies = reader.bodies(stack.resources().noticesInspectionQueueUrl(), 2, DELIVERY,
                Duration.ofMillis(500), this::ours);
        List<String> kinds = bodies.stream().map(b -> Json.read(QueueReader.Envelope.parse(b).message(), JsonNode.class)
                .path("kind").asText()).toList();
        assertEquals(List.of("initial", "escalation"), kinds, "the repeat is dropped, the escalation kept, in order");
    }

    @Test
    void anIdSnsWouldRefuseAsADeduplicationIdIsReplacedByItsHash() {
        assertEquals("IN-1-notice-MP1-initial-HIGH", SnsNoticePublisher.fifoToken("IN-1-notice-MP1-initial-HIGH"));
        String spaced = SnsNoticePublisher.fifoToken("notice MP 1");
        assertTrue(spaced.matches("sha256-[0-9a-f]{64}"), spaced);
        assertEquals(spaced, SnsNoticePublisher.fifoToken("notice MP 1"), "stable");
        assertTrue(SnsNoticePublisher.fifoToken("x".repeat(129)).startsWith("sha256-"), "over 128 characters");
        assertEquals("x".repeat(128), SnsNoticePublisher.fifoToken("x".repeat(128)));
    }
}
