package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.ports.ObjectStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateObjectStoreTest {
    private static final String LETTER = "letters/IN-1/IN-1-notice-MP1-initial-HIGH.txt";

    @TempDir
    Path tmp;

    @Test
    void aLetterIsKeptInTheStateFileAndEverythingElseIsAFile() throws IOException {
        Path stateDir = tmp.resolve("state");
        byte[] letter = "Dear officer,\nwhat leaked.\n".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.objectStore().put(LETTER, letter, Letters.CONTENT_TYPE, Map.of());
            state.objectStore().put("reports/BT-1/report.html", "<p>".getBytes(StandardCharsets.UTF_8), "text/html",
                    Map.of());
        }
        assertFalse(Files.exists(stateDir.resolve("objects").resolve(LETTER)), "no file per letter");
        assertTrue(Files.isRegularFile(stateDir.resolve("objects/reports/BT-1/report.html")), "reports stay files");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            StateObjectStore objects = state.objectStore();
            assertArrayEquals(letter, read(objects, LETTER), "the letter survives a close and an open");
            ObjectStore.ObjectInfo info = objects.head(LETTER).orElseThrow();
            assertEquals(letter.length, info.size());
            assertEquals(objects.folder().head("reports/BT-1/report.html").orElseThrow().version().length(),
                    info.version().length(), "a SHA-256 version, as the folder gives");
            assertEquals(List.of(LETTER), objects.list("letters/"));
            assertEquals(List.of(LETTER, "reports/BT-1/report.html"), objects.list(""), "both kinds, in key order");
            assertEquals(List.of(LETTER), objects.list("letters/IN-1/IN-1-notice"), "a prefix part-way through a name");
            assertEquals(List.of(), objects.list("letters/IN-2/"));
            assertTrue(objects.head("letters/IN-1/other.txt").isEmpty());
            assertThrows(ObjectStore.ObjectNotFoundException.class, () -> objects.open("letters/IN-1/other.txt"));
        }
    }

    @Test
    void metadataAndReplacingAreKept() throws IOException {
        try (EmbeddedState state = EmbeddedState.open(tmp.resolve("state"))) {
            StateObjectStore objects = state.objectStore();
            objects.put(LETTER, new byte[] {1, 2, 3}, Letters.CONTENT_TYPE, Map.of("case", "BT-1"));
            assertEquals(Map.of("case", "BT-1"), objects.head(LETTER).orElseThrow().metadata());
            assertArrayEquals(new byte[] {1, 2, 3}, read(objects, LETTER));
            objects.put(LETTER, new byte[0], Letters.CONTENT_TYPE, Map.of());
            assertEquals(Map.of(), objects.head(LETTER).orElseThrow().metadata());
            assertEquals(0, objects.head(LETTER).orElseThrow().size(), "an empty letter is still an object");
        }
    }

    @Test
    void aBadKeyIsRefusedAsTheFolderRefusesIt() throws IOException {
        try (EmbeddedState state = EmbeddedState.open(tmp.resolve("state"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> state.objectStore()
                    .put("letters/../reports/x.txt", new byte[1], Letters.CONTENT_TYPE, Map.of()));
            assertTrue(e.getMessage().contains("'..' segments are not allowed"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> state.objectStore().open("letters/IN-1/"));
        }
    }

    @Test
    void lettersAStateDirKeptAsFilesAreStillReadAndListed() throws IOException {
        Path stateDir = tmp.resolve("state");
        Path old = stateDir.resolve("objects").resolve("letters/IN-1/IN-1-notice-MP0-initial-HIGH.txt");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "an older letter");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            StateObjectStore objects = state.objectStore();
            objects.put(LETTER, "a newer letter".getBytes(StandardCharsets.UTF_8), Letters.CONTENT_TYPE, Map.of());
            assertEquals(List.of("letters/IN-1/IN-1-notice-MP0-initial-HIGH.txt", LETTER), objects.list("letters/IN-1/"));
            assertEquals("an older letter", new String(read(objects, "letters/IN-1/IN-1-notice-MP0-initial-HIGH.txt"),
                    StandardCharsets.UTF_8));
            assertEquals(15, objects.head("letters/IN-1/IN-1-notice-MP0-initial-HIGH.txt").orElseThrow().size());
        }
    }

    /**
     * What a crash in the middle of a put can leave (MVStore saves each map as it reaches it): a key with
     * no object, or an object with no key. Neither is read as a letter, and later puts number past both.
     */
    @Test
    void halfAPutLeftByACrashIsNeitherReadNorOverwritten() throws IOException {
        Path stateDir = tmp.resolve("state");
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            state.objectStore().put(LETTER, "one".getBytes(StandardCharsets.UTF_8), Letters.CONTENT_TYPE, Map.of());
        }
        try (MVStore raw = MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            raw.<Long, String>openMap(StateObjectStore.KEYS_MAP).put(2L, "letters/IN-1/key-without-object.txt");
            raw.<Long, String>openMap(StateObjectStore.KEYS_MAP).put(3L, "letters/IN-1/key-of-another-object.txt");
            raw.<Long, byte[]>openMap(StateObjectStore.OBJECTS_MAP).put(4L, raw.<Long, byte[]>openMap(
                    StateObjectStore.OBJECTS_MAP).get(1L)); // the first letter again, under a number no key has
        }
        try (EmbeddedState state = EmbeddedState.open(stateDir)) {
            StateObjectStore objects = state.objectStore();
            assertTrue(objects.head("letters/IN-1/key-without-object.txt").isEmpty());
            assertEquals(List.of(LETTER), objects.list("letters/"), "only whole letters are listed");
            objects.put("letters/IN-1/after.txt", "two".getBytes(StandardCharsets.UTF_8), Letters.CONTENT_TYPE, Map.of());
            objects.put("letters/IN-1/key-of-another-object.txt", "three".getBytes(StandardCharsets.UTF_8),
                    Letters.CONTENT_TYPE, Map.of());
            assertEquals("one", new String(read(objects, LETTER), StandardCharsets.UTF_8), "not overwritten");
            assertEquals("two", new String(read(objects, "letters/IN-1/after.txt"), StandardCharsets.UTF_8));
            assertEquals("three", new String(read(objects, "letters/IN-1/key-of-another-object.txt"),
                    StandardCharsets.UTF_8), "a key put again reads its latest object");
        }
        try (MVStore raw = MVStore.open(stateDir.resolve(EmbeddedState.STORE_FILE).toString())) {
            assertEquals(6L, raw.<Long, byte[]>openMap(StateObjectStore.OBJECTS_MAP).lastKey(),
                    "numbered past the object no key named");
        }
    }

    /**
     * The promise the release relies on: a notice on the topic has its letter on disk. A child JVM writes
     * rounds of letters and publishes each round's notices through the state's publisher, and is killed
     * (SIGKILL, no close) part-way; every notice line it left must find its letter, byte for byte.
     */
    @Test
    void aKilledReleaseLeavesNoNoticeWithoutItsLetter() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            Path stateDir = tmp.resolve("killed-" + attempt);
            Path notices = stateDir.resolve(EmbeddedState.TOPICS_DIR).resolve("notices.jsonl");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LetterRounds.class.getName(), stateDir.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + attempt + ".log").toFile()).start();
            long enough = 2_000L + 1_500L * attempt; // notices lines, a different moment each attempt
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(notices) || Files.size(notices) < enough * 60) && System.nanoTime() < deadline) {
                assertTrue(child.isAlive(), "the child died by itself: " + Files.readString(tmp.resolve("child-"
                        + attempt + ".log")));
                Thread.sleep(5);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // Whole lines only: the kill can land in the middle of an append, and a torn last line is the sink's
            // own business (it cuts it back when it opens the file again; JsonLinesTopicSinkTest).
            String text = Files.readString(notices);
            List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
            assertTrue(lines.size() >= 25, "the child published before it was killed: " + lines.size());
            try (EmbeddedState state = EmbeddedState.open(stateDir)) {
                for (String line : lines) {
                    JsonNode message = Json.MAPPER.readTree(line);
                    String id = message.path("id").asText();
                    String key = message.path("message").path("letterKey").asText();
                    int n = Integer.parseInt(key.substring(key.indexOf("MP") + 2, key.indexOf("-initial")));
                    assertArrayEquals(LetterRounds.letterOf(n), read(state.objectStore(), key),
                            "notice " + id + " was published, so its letter must be on disk");
                }
            }
            System.out.printf("state-object-store: killed after %,d notices, every letter there%n", lines.size());
        }
    }

    private static byte[] read(ObjectStore objects, String key) throws IOException {
        try (InputStream in = objects.open(key)) {
            return in.readAllBytes();
        }
    }
}
