package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.core.ports.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseInputStream;

@ExtendWith(EmulatorStackExtension.class)
class S3ObjectStoreTest {

    private final EmulatorStack stack;
    private final String prefix = TestData.uniqueId("s3test") + "/";

    S3ObjectStoreTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Test
    void smallObjectRoundTripsWithContentTypeAndMetadata() throws Exception {
        ObjectStore store = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        byte[] csv = "pay_number,exposed_fields\nMP000001,name;rank\n".getBytes(StandardCharsets.UTF_8);
        store.put(prefix + "manifest.csv", csv, "text/csv", Map.of("supplier", "acme", "incident-ref", "INC-1"));

        try (InputStream in = store.open(prefix + "manifest.csv")) {
            assertArrayEquals(csv, in.readAllBytes());
        }
        ObjectStore.ObjectInfo info = store.head(prefix + "manifest.csv").orElseThrow();
        assertEquals(csv.length, info.size());
        assertEquals(Map.of("supplier", "acme", "incident-ref", "INC-1"), info.metadata());
        assertFalse(info.version().isBlank());
        assertFalse(info.version().startsWith("\""), "ETag quotes are stripped: " + info.version());
        String contentType = stack.clients().s3().headObject(b -> b.bucket(stack.names().bucket()).key(prefix + "manifest.csv")).contentType();
        assertEquals("text/csv", contentType);
    }

    @Test
    void versionChangesWhenContentChanges() throws Exception {
        ObjectStore store = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        store.put(prefix + "v.txt", "one".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        String first = store.head(prefix + "v.txt").orElseThrow().version();
        store.put(prefix + "v.txt", "two".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        assertNotEquals(first, store.head(prefix + "v.txt").orElseThrow().version());
    }

    @Test
    void missingObjectIsEmptyOnHeadAndNotFoundOnOpen() throws Exception {
        ObjectStore store = new S3ObjectStore(stack.clients().s3(), stack.names().bucket());
        assertTrue(store.head(prefix + "absent.csv").isEmpty());
        ObjectStore.ObjectNotFoundException e = assertThrows(ObjectStore.ObjectNotFoundException.class,
                () -> store.open(prefix + "absent.csv"));
        assertTrue(e.getMessage().contains(prefix + "absent.csv"), e.getMessage());
    }

    /** Above 8 MiB the store must use multipart: fauxqs (like some proxies) refuses single PUTs above 11 MiB. */
    @Test
    void largeObjectGoesMultipartAndStreamsBack() throws Exception {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            ObjectStore store = new S3ObjectStore(clients.s3(), stack.names().bucket());
            byte[] big = new byte[20 * 1024 * 1024 + 123];
            new Random(42).nextBytes(big);
            store.put(prefix + "big.bin", big, "application/octet-stream", Map.of("kind", "test"));

            assertEquals(1, counter.calls("CreateMultipartUpload"));
            assertEquals(3, counter.calls("UploadPart"), "20 MiB in 8 MiB parts");
            assertEquals(1, counter.calls("CompleteMultipartUpload"));
            assertEquals(0, counter.calls("PutObject"));

            assertEquals(big.length, store.head(prefix + "big.bin").orElseThrow().size());
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            expected.update(big);
            MessageDigest actual = MessageDigest.getInstance("SHA-256");
            long read = 0;
            try (InputStream in = store.open(prefix + "big.bin")) {
                // The SDK's response stream reads from the socket as we go; nothing buffers the whole object.
                assertInstanceOf(ResponseInputStream.class, in);
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    actual.update(buffer, 0, n);
                    read += n;
                }
            }
            assertEquals(big.length, read);
            assertArrayEquals(expected.digest(), actual.digest());
        }
    }

    @Test
    void objectJustBelowThresholdIsOnePut() throws Exception {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            ObjectStore store = new S3ObjectStore(clients.s3(), stack.names().bucket());
            byte[] exactly = new byte[S3ObjectStore.MULTIPART_THRESHOLD];
            store.put(prefix + "eight.bin", exactly, "application/octet-stream", Map.of());
            assertEquals(1, counter.calls("PutObject"));
            assertEquals(0, counter.calls("CreateMultipartUpload"));
            assertEquals(exactly.length, store.head(prefix + "eight.bin").orElseThrow().size());
        }
    }

    @Test
    void listFollowsPagesAndReturnsKeysInLexicalOrder() throws Exception {
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            ObjectStore store = new S3ObjectStore(clients.s3(), stack.names().bucket(), 2);
            for (String name : List.of("c.csv", "a.csv", "b/1.json", "b/0.json", "d.csv")) {
                store.put(prefix + "list/" + name, new byte[] {1}, "application/octet-stream", Map.of());
            }
            store.put(prefix + "other/x.csv", new byte[] {1}, "text/csv", Map.of());
            counter.reset();

            List<String> keys = store.list(prefix + "list/");

            assertEquals(List.of(prefix + "list/a.csv", prefix + "list/b/0.json", prefix + "list/b/1.json",
                    prefix + "list/c.csv", prefix + "list/d.csv"), keys);
            assertEquals(3, counter.calls("ListObjectsV2"), "5 keys in pages of 2");
            assertEquals(List.of(), store.list(prefix + "nothing-here/"));
        }
    }
}
