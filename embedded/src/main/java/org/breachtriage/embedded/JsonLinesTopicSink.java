package org.breachtriage.embedded;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>Why it is built this way (a million-row run publishes a quarter of a million notices): each
 * topic's file is opened once, on first use, and kept open until {@link #close}; a body goes into its
 * line as the bytes it was given, after a streaming check that it is one JSON value on one line
 * (no tree is built and nothing is serialised again); and nothing in the normal path throws.
 */
public final class JsonLinesTopicSink implements NoticePublisher, AutoCloseable {

    private final Path dir;
    private final Map<Topic, TopicFile> files = new EnumMap<>(Topic.class);

    /** What this sink knows of one topic's file; every field is guarded by the instance's monitor. */
    private static final class TopicFile {
        private Set<String> ids; // null until the file has been read
        private FileChannel channel; // null until first written, then open until close()
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
        for (OutboundMessage message : messages) { // fails on a bad body before anything is decided
            checkBody(topic, message);
        }
        TopicFile file = files.get(topic);
        synchronized (file) {
            Path path = fileFor(topic);
            try {
                Set<String> ids = idsIn(file, path);
                ByteArrayOutputStream fresh = new ByteArrayOutputStream(512 * messages.size());
                int written = 0;
                try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(fresh)) {
                    out.setRootValueSeparator(null);
                    for (OutboundMessage message : messages) {
                        if (ids.add(message.id())) { // a repeat, from the file or earlier in this call, is skipped
                            writeLine(out, message);
                            written++;
                        }
                    }
                }
                if (written > 0) {
                    append(file, path, fresh.toByteArray());
                }
                file.written += written;
                file.repeats += messages.size() - written;
            } catch (IOException e) {
                file.ids = null; // the ids just added were not written: read them from the file again next time
                throw new UncheckedIOException("cannot append to topic file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** Closes the topic files this sink opened; a later publish opens them again. */
    @Override
    public void close() {
        IOException failed = null;
        for (TopicFile file : files.values()) {
            synchronized (file) {
                if (file.channel != null) {
                    try {
                        file.channel.close();
                    } catch (IOException e) {
                        failed = e;
                    }
                    file.channel = null;
                }
            }
        }
        if (failed != null) {
            throw new UncheckedIOException("cannot close a topic file in " + dir + ": " + failed.getMessage(), failed);
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
    private void append(TopicFile file, Path path, byte[] lines) throws IOException {
        if (file.channel == null) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            file.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        FileChannel channel = file.channel;
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

    /** One message's line, newline included; attributes sorted so files diff cleanly. */
    private static void writeLine(JsonGenerator out, OutboundMessage message) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", message.id());
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : new TreeMap<>(message.attributes()).entrySet()) {
            out.writeStringField(attribute.getKey(), attribute.getValue());
        }
        out.writeEndObject();
        out.writeFieldName("message");
        if (oneLine(message.body())) {
            out.writeRawValue(message.body());
        } else { // pretty-printed: its newlines would split the line, so write it again compactly (rare)
            out.writeTree(Json.MAPPER.readTree(message.body()));
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private static boolean oneLine(String body) {
        return body.indexOf('\n') < 0 && body.indexOf('\r') < 0;
    }

    /**
     * Checks the body is exactly one JSON value by reading its tokens (no tree, nothing kept). A body
     * that is not JSON makes the parser throw; that is the failure path, never the normal one.
     */
    private static void checkBody(Topic topic, OutboundMessage message) {
        String problem;
        if (message.body() == null || message.body().isBlank()) {
            problem = "has an empty body";
        } else {
            try (JsonParser parser = Json.MAPPER.getFactory().createParser(message.body())) {
                parser.nextToken();
                parser.skipChildren();
                if (parser.nextToken() == null) {
                    return;
                }
                problem = "has a body that is not JSON: more than one value";
            } catch (JsonProcessingException e) {
                problem = "has a body that is not JSON: " + e.getOriginalMessage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("message " + message.id() + " for topic " + topic.wireName() + " " + problem);
    }
}
