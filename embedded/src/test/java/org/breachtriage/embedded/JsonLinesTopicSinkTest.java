package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.ports.contract.NoticePublisherContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTopicSinkTest extends NoticePublisherContract {
    @TempDir
    Path stateDir;
    private JsonLinesTopicSink sink;

    @Override
    protected NoticePublisher newPublisher() {
        sink = new JsonLinesTopicSink(stateDir.resolve("topics"));
        return sink;
    }

    @Override
    protected List<Received> delivered(Topic topic) throws IOException {
        Path file = sink.fileFor(topic);
        List<Received> received = new ArrayList<>();
        if (!Files.exists(file)) {
            return received;
        }
        for (String line : Files.readAllLines(file)) {
            JsonNode node = Json.MAPPER.readTree(line);
            Map<String, String> attributes = Json.MAPPER.convertValue(node.get("attributes"),
                    Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            received.add(new Received(node.get("id").asText(), attributes, node.get("message")));
        }
        return received;
    }

    @Test
    void eachMessageIsOneLineWithIdAttributesAndTheBodyAsJson() throws IOException {
        sink.publish(Topic.ALERTS, List.of(new OutboundMessage("m-1", "{\"schemaVersion\":1,\"n\":[1,2]}",
                "text", Map.of("severity", "HIGH", "eventType", "case.scored"))));

        assertEquals(List.of("{\"id\":\"m-1\",\"attributes\":{\"eventType\":\"case.scored\",\"severity\":\"HIGH\"},"
                + "\"message\":{\"schemaVersion\":1,\"n\":[1,2]}}"), Files.readAllLines(sink.fileFor(Topic.ALERTS)));
        assertEquals(stateDir.resolve("topics/alerts.jsonl"), sink.fileFor(Topic.ALERTS));
    }

    @Test
    void countIsLinesWrittenByThisSinkPerTopic() throws IOException {
        Files.createDirectories(sink.dir());
        Files.writeString(sink.fileFor(Topic.NOTICES), "{\"id\":\"earlier-run\",\"attributes\":{},\"message\":{}}\n");

        sink.publish(Topic.NOTICES, List.of(message("a"), message("b")));
        sink.publish(Topic.NOTICES, List.of(message("c")));
        sink.publish(Topic.ALERTS, List.of(message("d")));

        assertEquals(3, sink.count(Topic.NOTICES));
        assertEquals(1, sink.count(Topic.ALERTS));
        assertEquals(4, Files.readAllLines(sink.fileFor(Topic.NOTICES)).size(), "appends to earlier runs' lines");
    }

    @Test
    void aBodyThatIsNotJsonFailsTheWholeCallAndWritesNothing() {
        List<OutboundMessage> messages = List.of(message("good"),
                new OutboundMessage("bad-7", "severity: HIGH", "text", Map.of()), message("also-good"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sink.publish(Topic.NOTICES, messages));

        assertTrue(e.getMessage().startsWith("message bad-7 for topic notices has a body that is not JSON"),
                e.getMessage());
        assertFalse(Files.exists(sink.fileFor(Topic.NOTICES)));
        assertEquals(0, sink.count(Topic.NOTICES));
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sink.publish(Topic.ALERTS,
                List.of(new OutboundMessage("x", "{\"a\":1} trailing", "text", Map.of()))));
        assertThrows(IllegalArgumentException.class, () -> sink.publish(Topic.ALERTS,
                List.of(new OutboundMessage("y", "  ", "text", Map.of()))));
    }

    @Test
    void aMessageWhoseIdIsAlreadyInTheFileIsNotWrittenAgain() throws IOException {
        sink.publish(Topic.NOTICES, List.of(message("a"), message("b")));
        sink.publish(Topic.NOTICES, List.of(message("b"), message("c"), message("c")));
        // A resumed run opens the state dir afresh: the new sink learns the ids from the file.
        JsonLinesTopicSink resumed = new JsonLinesTopicSink(sink.dir());
        resumed.publish(Topic.NOTICES, List.of(message("a"), message("d")));

        assertEquals(List.of("a", "b", "c", "d"), ids(Topic.NOTICES));
        assertEquals(3, sink.count(Topic.NOTICES));
        assertEquals(2, sink.repeatsSkipped(Topic.NOTICES), "b again, and c twice in one call");
        assertEquals(1, resumed.count(Topic.NOTICES));
        assertEquals(1, resumed.repeatsSkipped(Topic.NOTICES));
    }

    @Test
    void idsAreKeptPerTopic() throws IOException {
        sink.publish(Topic.NOTICES, List.of(message("same")));
        sink.publish(Topic.ALERTS, List.of(message("same")));

        assertEquals(List.of("same"), ids(Topic.NOTICES));
        assertEquals(List.of("same"), ids(Topic.ALERTS));
    }

    @Test
    void aTornLastLineIsCutOffAndItsMessageWrittenWhole() throws IOException {
        sink.publish(Topic.NOTICES, List.of(message("a")));
        String whole = Files.readString(sink.fileFor(Topic.NOTICES));
        String torn = "{\"id\":\"b\",\"attributes\":{\"eventTy";
        Files.writeString(sink.fileFor(Topic.NOTICES), whole + torn);

        JsonLinesTopicSink resumed = new JsonLinesTopicSink(sink.dir());
        resumed.publish(Topic.NOTICES, List.of(message("b")));

        assertEquals(List.of("a", "b"), ids(Topic.NOTICES));
        assertTrue(Files.readString(sink.fileFor(Topic.NOTICES)).endsWith("}\n"));
    }

    @Test
    void aFileWithNoNewlineAtAllIsOneTornLine() throws IOException {
        Files.createDirectories(sink.dir());
        Files.writeString(sink.fileFor(Topic.ALERTS), "{\"id\":\"half");

        sink.publish(Topic.ALERTS, List.of(message("half")));

        assertEquals(List.of("half"), ids(Topic.ALERTS));
    }

    @Test
    void aCompleteLineThatIsNotAMessageStopsPublishingAndIsNotQuoted() throws IOException {
        Files.createDirectories(sink.dir());
        Files.writeString(sink.fileFor(Topic.NOTICES), "{\"id\":\"a\"}\nMP000091 Jane Doe, Sergeant\n");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sink.publish(Topic.NOTICES, List.of(message("b"))));

        assertTrue(e.getMessage().contains("notices.jsonl line 2 is not a message line"), e.getMessage());
        assertFalse(e.getMessage().contains("MP000091") || e.getMessage().contains("Doe"), e.getMessage());
    }

    private List<String> ids(Topic topic) throws IOException {
        return delivered(topic).stream().map(Received::id).toList();
    }

    private static OutboundMessage message(String id) {
        return new OutboundMessage(id, "{\"id\":\"" + id + "\"}", "text", Map.of("eventType", "person.notice"));
    }
}
