package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NoticePublisher} must do: each message reaches the subscribers of its own topic
 * once published, with its id, its filter attributes and its JSON body intact. Message ids are
 * unique per test, so shared topics work: other tests' messages seen by {@link #delivered} are ignored.
 */
public abstract class NoticePublisherContract {

    /** What a subscriber of a topic received. {@code message} is the JSON document (the body). */
    public record Received(String id, Map<String, String> attributes, JsonNode message) {
        public Received {
            attributes = Map.copyOf(attributes);
        }
    }

    protected abstract NoticePublisher newPublisher() throws Exception;

    /**
     * Everything subscribers of {@code topic} have received since {@link #newPublisher()}, cumulative, in
     * any order. {@code id} must be the {@link OutboundMessage#id()} published (an SNS adapter carries it
     * in a message attribute, as subscribers need it to de-duplicate). May return before deliveries in
     * flight arrive: the contract polls for up to {@link #deliveryTimeout()}.
     */
    protected abstract List<Received> delivered(Topic topic) throws Exception;

    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(20);
    }

    private NoticePublisher publisher;
    private String prefix;

    @BeforeEach
    void setUpPublisher() throws Exception {
        publisher = newPublisher();
        prefix = ContractData.uniqueId("msg") + "-";
    }

    @Test
    void eachMessageReachesItsOwnTopicIntact() throws Exception {
        List<OutboundMessage> alerts = messages("alert", 3, "case.scored");
        List<OutboundMessage> notices = messages("notice", 25, "person.notice"); // > 10: several SNS batches

        publisher.publish(Topic.ALERTS, alerts);
        publisher.publish(Topic.NOTICES, notices);

        assertDeliveredExactly(Topic.ALERTS, alerts);
        assertDeliveredExactly(Topic.NOTICES, notices);
    }

    @Test
    void unicodeAndNestedJsonSurvive() throws Exception {
        String body = """
                {"schemaVersion":1,"eventType":"case.scored","supplier":"Acme Ó Súilleabháin & Søn <ltd>",
                 "counts":{"band.HIGH":"<5","band.LOW":41234,"ratio":0.30000000000000004},
                 "notes":["line one\\nline two","tab\\there","emoji \\uD83D\\uDEA8"],"nothing":null,"ok":true}""";
        OutboundMessage message = new OutboundMessage(prefix + "unicode", body, "Readable text: Zoë",
                Map.of("eventType", "case.scored", "severity", "HIGH", "force", "Metropolitan Police Service",
                        "supplier", "Acme Ó Súilleabháin & Søn"));

        publisher.publish(Topic.ALERTS, List.of(message));

        assertDeliveredExactly(Topic.ALERTS, List.of(message));
    }

    @Test
    void publishingNothingDeliversNothing() throws Exception {
        publisher.publish(Topic.NOTICES, List.of());
        List<OutboundMessage> marker = messages("marker", 1, "person.notice");
        publisher.publish(Topic.NOTICES, marker); // something to wait for, so "nothing else" is checked after delivery

        assertDeliveredExactly(Topic.NOTICES, marker);
    }

    @Test
    void concurrentPublishersLoseNothing() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<OutboundMessage> all = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                List<OutboundMessage> own = messages("t" + t, 15, "person.notice");
                all.addAll(own);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < own.size(); i += 5) {
                        publisher.publish(Topic.NOTICES, own.subList(i, i + 5));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertDeliveredExactly(Topic.NOTICES, all);
    }

    private List<OutboundMessage> messages(String kind, int count, String eventType) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + kind + "-" + i;
            String body = "{\"schemaVersion\":1,\"eventType\":\"" + eventType + "\",\"messageId\":\"" + id
                    + "\",\"n\":" + i + ",\"severity\":\"" + (i % 2 == 0 ? "HIGH" : "LOW") + "\"}";
            messages.add(new OutboundMessage(id, body, "Message " + i + " in plain words.",
                    Map.of("eventType", eventType, "severity", i % 2 == 0 ? "HIGH" : "LOW",
                            "force", "Metropolitan Police Service", "supplier", "Acme ID Cards Ltd")));
        }
        return messages;
    }

    /**
     * Every message arrived on {@code topic} with equal body JSON and at least its attributes (a
     * subscriber may see more, e.g. the id attribute), and nothing else of this test arrived there.
     */
    private void assertDeliveredExactly(Topic topic, List<OutboundMessage> published) throws Exception {
        Map<String, OutboundMessage> expected = new HashMap<>();
        published.forEach(m -> expected.put(m.id(), m));
        Map<String, List<Received>> received = ContractData.eventually(
                () -> ours(topic),
                seen -> seen.keySet().containsAll(expected.keySet()),
                deliveryTimeout());

        assertEquals(expected.keySet(), received.keySet(), "message ids delivered to " + topic.wireName());
        for (Map.Entry<String, List<Received>> entry : received.entrySet()) {
            OutboundMessage sent = expected.get(entry.getKey());
            JsonNode body = Json.MAPPER.readTree(sent.body());
            for (Received copy : entry.getValue()) {
                assertEquals(body, copy.message(), "body of " + sent.id());
                assertTrue(copy.attributes().entrySet().containsAll(sent.attributes().entrySet()),
                        "attributes of " + sent.id() + ": sent " + sent.attributes() + ", got " + copy.attributes());
            }
        }
    }

    private Map<String, List<Received>> ours(Topic topic) {
        Map<String, List<Received>> byId = new HashMap<>();
        try {
            for (Received r : delivered(topic)) {
                if (r.id() != null && r.id().startsWith(prefix)) {
                    byId.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r);
                }
            }
        } catch (Exception e) {
            throw new AssertionError("reading what " + topic.wireName() + " delivered failed", e);
        }
        return byId;
    }
}
