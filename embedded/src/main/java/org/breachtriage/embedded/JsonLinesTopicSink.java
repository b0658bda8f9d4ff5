package org.breachtriage.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * and the call's lines go to the file in one append and are in the file when it returns. If the
 * append fails (a full disk), the file is cut back to where it was, so no torn line is left.
 *
 * <p>The file is idempotent by message id, as a consumer de-duplicating by SNS message id would be:
 * a message whose id is already in the file is not written again. That is what makes a notice
 * exactly once across a crash of the process: the store marks a notice published only after this
 * append, and MVStore may lose its last second of changes, so a resumed run can publish a notice the
 * file already holds. On first use of a topic the file is read once (ids only) and a torn last line
 * (a crash mid-append on a filesystem that allows it) is cut off.
 */
public final class JsonLinesTopicSink implements NoticePublisher {
    private static final ObjectWriter LINE_WRITER = Json.MAPPER.writerFor(Line.class);
    private static final ObjectReader BODY_READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path dir;
    private final Map<Topic, TopicFile> files = new EnumMap<>(Topic.class);

    /** One line of a topic file; attributes sorted so files diff cleanly. */
    record Line(String id, TreeMap<String, String> attributes, JsonNode message) {
    }

    /** What this sink knows of one topic's file; every field is guarded by the instance's monitor. */
    private static final class TopicFile {
        private Set<String> ids; // null until the file has been read
        private long written;
        private long repeats;
    }

    public JsonLinesTopicSink(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        for (Topic topic : Topic.values()) {
            files.put(topic, new TopicFile());
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
        List<byte[]> lines = new ArrayList<>(messages.size()); // fails on a bad body before anything is decided
        for (OutboundMessage message : messages) {
            lines.add(line(topic, message));
        }
        TopicFile file = files.get(topic);
        synchronized (file) {
            Path path = fileFor(topic);
            try {
                Set<String> ids = idsIn(file, path);
                ByteArrayOutputStream fresh = new ByteArrayOutputStream(512 * messages.size());
                int written = 0;
                for (int i = 0; i < messages.size(); i++) {
                    if (ids.add(messages.get(i).id())) { // a repeat, from the file or earlier in this call, is skipped
                        fresh.writeBytes(lines.get(i));
                        written++;
                    }
                }
                if (written > 0) {
                    append(path, fresh.toByteArray());
                }
                file.written += written;
                file.repeats += messages.size() - written;
            } catch (IOException e) {
                file.ids = null; // the ids just added were not written: read them from the file again next time
                throw new UncheckedIOException("cannot append to topic file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** Lines this sink has written to the topic's file (not counting earlier runs, nor repeats it skipped). */
    public long count(Topic topic) {
        TopicFile file = files.get(topic);
        synchronized (file) {
            return file.written;
        }
    }

    /** Messages this sink did not write because the file already held their id (a resumed run's re-sends). */
    public long repeatsSkipped(Topic topic) {
        TopicFile file = files.get(topic);
        synchronized (file) {
            return file.repeats;
        }
    }

    private Set<String> idsIn(TopicFile file, Path path) throws IOException {
        if (file.ids == null) {
            file.ids = TopicFileIds.readRepairingTornEnd(path);
        }
        return file.ids;
    }

    /** Appends in one write; on failure cuts the file back to its old length so no partial line stays. */
    private void append(Path path, byte[] lines) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long before = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(lines);
                channel.position(before);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                try {
                    channel.truncate(before);
                } catch (IOException cut) {
                    e.addSuppressed(cut); // the next open cuts the torn line instead
                }
                throw e;
            }
        }
    }
    /** One message's line, newline included. */
    private static byte[] line(Topic topic, OutboundMessage message) {
        JsonNode body = parseBody(topic, message);
        try {
            byte[] json = LINE_WRITER.writeValueAsBytes(new Line(message.id(), new TreeMap<>(message.attributes()), body));
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
