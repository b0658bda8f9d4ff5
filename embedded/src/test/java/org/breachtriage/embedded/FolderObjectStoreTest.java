package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.contract.ObjectStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path root;

    @Override
    protected ObjectStore newObjectStore() {
        return new FolderObjectStore(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.csv", "manifests/../../outside.csv", "manifests/..", "/etc/passwd",
            "a//b.csv", "a/./b.csv", "a\\..\\b.csv", "manifests/", ".meta/x.json", ".tmp/put-1.part", ".meta"})
    void keysThatCouldEscapeOrClashAreRefusedClearly(String key) {
        FolderObjectStore store = new FolderObjectStore(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.put(key, new byte[] {1}, "text/plain", Map.of()));
        assertTrue(e.getMessage().startsWith("object key '" + key + "' is not allowed: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.open(key));
        assertThrows(IllegalArgumentException.class, () -> store.head(key));
        assertFalse(Files.exists(root.getParent().resolve("outside.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/..b/c.csv", "a/.b", "a/.../c.csv", "x./y.csv", "..x", ".hidden/y.txt", "a/b..", "a/b/."
            + "c"})
    void dotsInsideANameAreOrdinaryCharacters(String key) throws Exception {
        FolderObjectStore store = new FolderObjectStore(root);
        store.put(key, new byte[] {3}, "text/plain", Map.of());
        try (var in = store.open(key)) {
            assertArrayEquals(new byte[] {3}, in.readAllBytes());
        }
    }

    @Test
    void aBackslashInAFileNameIsAnOrdinaryCharacter() throws Exception {
        FolderObjectStore store = new FolderObjectStore(root);
        store.put("back\\slash.csv", new byte[] {7}, "text/csv", Map.of());
        try (var in = store.open("back\\slash.csv")) {
            assertEquals(7, in.read());
        }
        assertTrue(store.head("back\\slash.csv").isPresent());
        assertThrows(IllegalArgumentException.class, () -> store.put("\\root.csv", new byte[] {1}, "text/csv", Map.of()));
    }

    @Test
    void anEmptyKeyIsRefused() {
        FolderObjectStore store = new FolderObjectStore(root);
        assertThrows(IllegalArgumentException.class, () -> store.put("", new byte[0], "text/plain", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> store.list("../"));
    }

    @Test
    void anObjectIsAPlainFileAndItsMetadataIsHiddenFromListings() throws IOException {
        FolderObjectStore store = new FolderObjectStore(root);
        store.put("reports/case-1/federation.md", "# Federation".getBytes(StandardCharsets.UTF_8), "text/markdown",
                Map.of("case", "case-1"));

        assertEquals("# Federation", Files.readString(root.resolve("reports/case-1/federation.md")));
        assertEquals(List.of("reports/case-1/federation.md"), store.list(""));
        assertEquals(List.of(), store.list(".meta/"));
        try (Stream<Path> leftovers = Files.list(root.resolve(".tmp"))) {
            assertEquals(0, leftovers.count(), "no temp files left behind");
        }
    }

    @Test
    void aFileCopiedInByHandIsAnObjectWithoutMetadata() throws IOException {
        Files.createDirectories(root.resolve("manifests/acme"));
        Files.writeString(root.resolve("manifests/acme/2023-08.csv"), "abc");
        FolderObjectStore store = new FolderObjectStore(root);

        ObjectStore.ObjectInfo info = store.head("manifests/acme/2023-08.csv").orElseThrow();

        assertEquals(3, info.size());
        assertEquals(Map.of(), info.metadata());
        // SHA-256("abc"), a published test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", info.version());
        try (InputStream in = store.open("manifests/acme/2023-08.csv")) {
            assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void aFolderIsNotAnObject() throws IOException {
        FolderObjectStore store = new FolderObjectStore(root);
        store.put("reports/case-1/a.md", new byte[] {1}, "text/plain", Map.of());

        assertEquals(java.util.Optional.empty(), store.head("reports/case-1"));
        assertThrows(ObjectStore.ObjectNotFoundException.class, () -> store.open("reports/case-1"));
        IOException e = assertThrows(IOException.class,
                () -> store.put("reports/case-1", new byte[] {1}, "text/plain", Map.of()));
        assertTrue(e.getMessage().contains("other objects are stored under reports/case-1/"), e.getMessage());
        IOException under = assertThrows(IOException.class,
                () -> store.put("reports/case-1/a.md/b.md", new byte[] {1}, "text/plain", Map.of()));
        assertTrue(under.getMessage().contains("reports/case-1/a.md is an object, not a folder"), under.getMessage());
    }
}
