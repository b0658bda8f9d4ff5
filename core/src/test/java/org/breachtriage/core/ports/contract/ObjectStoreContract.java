package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import org.breachtriage.core.ports.ObjectStore.ObjectNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do. Keys live under a prefix unique to each test, so a shared
 * bucket works. Metadata keys are lower case and values ASCII, as S3 user metadata requires.
 */
public abstract class ObjectStoreContract {

    /** A store to test; may be the same bucket or folder every time. */
    protected abstract ObjectStore newObjectStore() throws Exception;

    private ObjectStore store;
    private String base;

    @BeforeEach
    void setUpStore() throws Exception {
        store = newObjectStore();
        base = ContractData.uniqueId("objects") + "/";
    }

    @Test
    void putThenOpenReturnsTheSameBytes() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        store.put(base + "binary.bin", everyByte, "application/octet-stream", Map.of());
        store.put(base + "empty.txt", new byte[0], "text/plain", Map.of());
        byte[] text = "pay_number,surname\nMP001,Ó Súilleabháin\n".getBytes(StandardCharsets.UTF_8);
        store.put(base + "manifests/acme/2023-08.csv", text, "text/csv", Map.of());

        assertArrayEquals(everyByte, readAll(base + "binary.bin"));
        assertArrayEquals(new byte[0], readAll(base + "empty.txt"));
        assertArrayEquals(text, readAll(base + "manifests/acme/2023-08.csv"));
    }

    @Test
    void headReportsSizeVersionAndMetadata() throws Exception {
        String key = base + "reports/case-1/ico-art33.md";
        byte[] content = "# Draft\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> metadata = Map.of("supplier", "acme", "incident-ref", "INC-2023-0042");
        store.put(key, content, "text/markdown", metadata);

        ObjectInfo info = store.head(key).orElseThrow();

        assertEquals(key, info.key());
        assertEquals(content.length, info.size());
        assertEquals(metadata, info.metadata());
        assertTrue(info.version() != null && !info.version().isBlank(), "version must be set: " + info.version());
    }

    @Test
    void headOfAMissingObjectIsEmpty() throws Exception {
        assertEquals(Optional.empty(), store.head(base + "nothing-here.csv"));
    }

    @Test
    void openingAMissingObjectThrowsObjectNotFoundNamingTheKey() {
        String key = base + "manifests/none.csv";
        ObjectNotFoundException e = assertThrows(ObjectNotFoundException.class, () -> store.open(key).close());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void putReplacesContentAndMetadataAndChangesTheVersion() throws Exception {
        String key = base + "report.md";
        store.put(key, "first".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of("a", "1", "b", "2"));
        ObjectInfo first = store.head(key).orElseThrow();

        store.put(key, "second, longer".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of("c", "3"));
        ObjectInfo second = store.head(key).orElseThrow();

        assertArrayEquals("second, longer".getBytes(StandardCharsets.UTF_8), readAll(key));
        assertEquals("second, longer".length(), second.size());
        assertEquals(Map.of("c", "3"), second.metadata(), "metadata is replaced, not merged");
        assertNotEquals(first.version(), second.version(), "new content must have a new version");
    }

    @Test
    void listReturnsKeysUnderAStringPrefixInLexicalOrder() throws Exception {
        List<String> keys = List.of(
                base + "reports/case-10/summary.md",
                base + "reports/case-1/ico-art33.md",
                base + "reports/case-1/federation.md",
                base + "reports/case-2/federation.md",
                base + "rejects/case-1/rejects.jsonl",
                base + "reportsX.md");
        for (String key : keys) {
            store.put(key, key.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        }

        assertEquals(List.of(
                base + "reports/case-1/federation.md",
                base + "reports/case-1/ico-art33.md",
                base + "reports/case-10/summary.md",
                base + "reports/case-2/federation.md"), store.list(base + "reports/"));
        assertEquals(List.of(
                base + "reports/case-1/federation.md",
                base + "reports/case-1/ico-art33.md",
                base + "reports/case-10/summary.md"), store.list(base + "reports/case-1"),
                "a prefix is a string prefix, not a folder");
        assertEquals(keys.stream().sorted().toList(), store.list(base));
        assertEquals(List.of(), store.list(base + "nothing/"));
    }

    @Test
    void largeObjectsStreamBackIntact() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new Random(20230826).nextBytes(content);
        String key = base + "manifests/big.bin";
        store.put(key, content, "application/octet-stream", Map.of());

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (InputStream in = store.open(key)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        assertEquals(content.length, size);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), digest.digest());
        assertEquals(content.length, store.head(key).orElseThrow().size());
    }

    @Test
    void objectsUnderOtherKeysAreUntouched() throws Exception {
        store.put(base + "a.txt", "A".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of("k", "a"));
        store.put(base + "b.txt", "B".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of("k", "b"));
        store.put(base + "a.txt", "A2".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of("k", "a2"));

        assertArrayEquals("B".getBytes(StandardCharsets.UTF_8), readAll(base + "b.txt"));
        assertEquals(Map.of("k", "b"), store.head(base + "b.txt").orElseThrow().metadata());
        assertEquals(List.of(base + "a.txt", base + "b.txt"), store.list(base));
    }

    private byte[] readAll(String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }
}
