package org.breachtriage.embedded;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.breachtriage.core.json.Json;

/**
 * Reads the message ids of a topic file, first cutting off a torn last line: bytes after the last
 * newline are what a crash or a full disk left of an append, never a message anyone received.
 */
final class TopicFileIds {
    private static final int TAIL_BLOCK = 64 * 1024;

    private TopicFileIds() {
    }

    static Set<String> readRepairingTornEnd(Path file) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(file)) {
            return ids;
        }
        cutTornEnd(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                ids.add(idOf(line, file, number));
            }
        }
        return ids;
    }

    /** The {@code id} field, which the sink writes first; the rest of the line is not parsed. */
    private static String idOf(String line, Path file, long number) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(line)) {
            if (parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && "id".equals(parser.currentName()) && parser.nextToken() == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
        } catch (IOException e) {
            // fall through: the message below names the line without quoting it (it holds pay numbers)
        }
        throw new IllegalStateException("topic file " + file + " line " + number
                + " is not a message line ({\"id\":…} first); move the file aside to start it afresh");
    }

    private static void cutTornEnd(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = endOfLastLine(channel, size);
            if (keep < size) {
                channel.truncate(keep);
            }
        }
    }

    /** The length up to and including the last newline (0 if there is none). */
    private static long endOfLastLine(FileChannel channel, long size) throws IOException {
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(TAIL_BLOCK);
        while (end > 0) {
            long start = Math.max(0, end - TAIL_BLOCK);
            block.clear().limit((int) (end - start));
            while (block.hasRemaining() && channel.read(block, start + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
