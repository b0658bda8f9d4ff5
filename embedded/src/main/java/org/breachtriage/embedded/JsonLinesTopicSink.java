package org.breachtriage.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.Topic;

/**
 * {@link NoticePublisher} that appends one JSON object per message to {@code <dir>/<topic>.jsonl}:
 * {@code {"id":…,"attributes":{…},"message":<the body as JSON>}}. What SNS subscribers would
 * receive ends up in a file a person or a script can read line by line.
 *
 * <p>A publish call is all or nothing: every body is checked to be JSON before anything is written,
 * and the call's lines go to the file in one append and are on disk when it returns.
 */
public final class JsonLinesTopicSink implements NoticePublisher {
    private static final ObjectWriter LINE_WRITER = Json.MAPPER.writerFor(Line.class);
    private static final ObjectReader BODY_READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path dir;
    private final Map<Topic, Object> locks = new EnumMap<>(Topic.class);
    private final Map<Topic, Long> counts = new EnumMap<>(Topic.class); // guarded by the topic's lock

    /** One line of a topic file; attributes sorted so files diff cleanly. */
    record Line(String id, TreeMap<String, String> attributes, JsonNode message) {
    }

    public JsonLinesTopicSink(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        for (Topic topic : Topic.values()) {
            locks.put(topic, new Object());
            counts.put(topic, 0L);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path fileFor(Topic topic) {
        return dir.resolve(topic.wireName() + ".jsonl");
    }

    @Override
    public void publish(Topic topic, List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        byte[] lines = render(topic, messages);
        synchronized (locks.get(topic)) {
            try {
                Files.createDirectories(dir);
                try (OutputStream out = Files.newOutputStream(fileFor(topic), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    out.write(lines);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to topic file " + fileFor(topic), e);
            }
            counts.merge(topic, (long) messages.size(), Long::sum);
        }
    }

    /** Lines this sink has written to the topic's file (not counting earlier runs). */
    public long count(Topic topic) {
        synchronized (locks.get(topic)) {
            return counts.get(topic);
        }
    }

    private static byte[] render(Topic topic, List<OutboundMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * messages.size());
        for (OutboundMessage message : messages) {
            JsonNode body = parseBody(topic, message);
            try {
                out.writeBytes(LINE_WRITER.writeValueAsBytes(
                        new Line(message.id(), new TreeMap<>(message.attributes()), body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static JsonNode parseBody(Topic topic, OutboundMessage message) {
        String problem;
        if (message.body() == null || message.body().isBlank()) {
            problem = "has an empty body";
        } else {
            try {
                return BODY_READER.readTree(message.body());
            } catch (JsonProcessingException e) {
                problem = "has a body that is not JSON: " + e.getOriginalMessage();
            }
        }
        throw new IllegalArgumentException("message " + message.id() + " for topic " + topic.wireName() + " " + problem);
    }
}
