package org.breachtriage.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.letters.Letters;
import org.breachtriage.core.ports.ObjectStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local backend's object store: letters ({@code letters/…}) in the state file, everything else a
 * file of the {@link FolderObjectStore} (manifests copied in, reports to open, rejects).
 *
 * <p>Why letters are not files: a release writes one per notice, 48,000 for a 250,000-row manifest, and
 * creating that many files was the largest single cost of a run on this project's machines. On ext4
 * without a journal, each new file's inode is found by scanning past every inode deleted in the last
 * minutes, so a run after a deleted state dir (or a benchmark repetition) spent 2.5 to 9 s creating
 * 48,000 files (perf: {@code ext4_create} → {@code recently_deleted}), where the rest of the release
 * step took about as long. In the state file a letter is one map entry, and it is on disk before its
 * notice is published: the state's publisher commits the store before each publish
 * ({@link EmbeddedState#publisher()}). Nobody outside the restricted operator reads a letter; the
 * operator reads the stored copy with {@code triage letter --stored}.
 *
 * <p>State dirs written before this kept their letters as files under {@code objects/letters/}: they
 * are still read (a key not in the state file is looked for in the folder) and listed.
 */
public final class StateObjectStore implements ObjectStore {
    /** The map of stored objects, by key: {@code [0] content} or {@code [1] [metadata length, 4 bytes] metadata JSON content}. */
    static final String MAP = "objects.inState";
    private static final byte PLAIN = 0;
    private static final byte WITH_METADATA = 1;
    private static final ObjectWriter METADATA_WRITER = Json.MAPPER.writerFor(new TypeReference<Map<String, String>>() {
    });
    private static final ObjectReader METADATA_READER = Json.MAPPER.readerFor(new TypeReference<Map<String, String>>() {
    });

    private final FolderObjectStore folder;
    private final MVMap<String, byte[]> inState;

    StateObjectStore(FolderObjectStore folder, MVStore store) {
        this.folder = folder;
        this.inState = store.openMap(MAP);
    }

    /** Whether an object with this key is kept in the state file rather than as a file. */
    public static boolean keptInState(String key) {
        return key.startsWith(Letters.PREFIX);
    }

    /** The folder the other objects are files in (reports, rejects, manifests). */
    public FolderObjectStore folder() {
        return folder;
    }

    @Override
    public InputStream open(String key) throws IOException {
        Stored stored = read(key);
        return stored != null ? new ByteArrayInputStream(stored.content()) : folder.open(key);
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        Stored stored = read(key);
        if (stored == null) {
            return folder.head(key);
        }
        return Optional.of(new ObjectInfo(key, stored.content().length, sha256Hex(stored.content()), stored.metadata()));
    }

    @Override
    public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
        FolderObjectStore.checkKey(key);
        if (!keptInState(key)) {
            folder.put(key, content, contentType, metadata);
            return;
        }
        inState.put(key, encode(content, metadata));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        TreeSet<String> keys = new TreeSet<>(folder.list(prefix));
        String from = FolderObjectStore.checkPrefix(prefix);
        for (Iterator<String> it = inState.keyIterator(from); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(from)) {
                break;
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private Stored read(String key) throws IOException {
        FolderObjectStore.checkKey(key);
        if (!keptInState(key)) {
            return null;
        }
        byte[] value = inState.get(key);
        return value == null ? null : decode(key, value);
    }

    private record Stored(byte[] content, Map<String, String> metadata) {
    }

    private static byte[] encode(byte[] content, Map<String, String> metadata) throws IOException {
        if (metadata == null || metadata.isEmpty()) {
            byte[] value = new byte[content.length + 1];
            value[0] = PLAIN;
            System.arraycopy(content, 0, value, 1, content.length);
            return value;
        }
        byte[] json = METADATA_WRITER.writeValueAsBytes(metadata);
        return ByteBuffer.allocate(1 + Integer.BYTES + json.length + content.length).put(WITH_METADATA)
                .putInt(json.length).put(json).put(content).array();
    }

    private static Stored decode(String key, byte[] value) throws IOException {
        if (value.length > 0 && value[0] == PLAIN) {
            return new Stored(Arrays.copyOfRange(value, 1, value.length), Map.of());
        }
        if (value.length >= 1 + Integer.BYTES && value[0] == WITH_METADATA) {
            int jsonLength = ByteBuffer.wrap(value, 1, Integer.BYTES).getInt();
            int contentFrom = 1 + Integer.BYTES + jsonLength;
            if (jsonLength >= 0 && contentFrom <= value.length) {
                Map<String, String> metadata = METADATA_READER.readValue(value, 1 + Integer.BYTES, jsonLength);
                return new Stored(Arrays.copyOfRange(value, contentFrom, value.length), Map.copyOf(metadata));
            }
        }
        throw new IOException("object " + key + " in the state file is damaged (unknown layout, " + value.length
                + " bytes)");
    }

    private static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
