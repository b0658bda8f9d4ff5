package org.breachtriage.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * minutes (perf: {@code ext4_create} → {@code recently_deleted}), so 48,000 files took 9.4 s right after
 * as many had been deleted (a state dir, a benchmark repetition) and 2.6 s when none had been freed since:
 * as long as, or longer than, the rest of the release step. In the state file a letter is two appended map
 * entries (see below), and it is on disk before its
 * notice is published: the state's publisher commits the store before each publish
 * ({@link EmbeddedState#publisher()}). Nobody outside the restricted operator reads a letter; the
 * operator reads the stored copy with {@code triage letter --stored}.
 *
 * <p>Letters are appended, never rewritten: each put takes the next number and writes the key to one
 * map and the object to another, both keyed by that number, so every page of both fills at the right
 * edge and is written once. Keyed by the letter's key instead, a release round's 100 letters landed on
 * 100 random pages, and each commit (one per round) rewrote them: the store file grew to 627 MB for
 * 100 MB of letters at 250,000 rows. The cost moves to reading, which only the operator does: the
 * first read or listing in a process scans the key map (small entries) into a heap index.
 *
 * <p>A crash can leave one map's entry without the other's (MVStore saves each map's root as it
 * reaches it): a read checks that the object found names the key asked for, and numbers continue past
 * the higher of the two maps. That only touches letters whose notices were not yet published.
 *
 * <p>State dirs written before this kept their letters as files under {@code objects/letters/}: they
 * are still read (a key not in the state file is looked for in the folder) and listed.
 */
public final class StateObjectStore implements ObjectStore {
    /** Object number → key, and object number → the stored object (its key, metadata and content). */
    static final String KEYS_MAP = "objects.inState.keys";
    static final String OBJECTS_MAP = "objects.inState.objects";
    private static final byte PLAIN = 0;
    private static final byte WITH_METADATA = 1;
    private static final ObjectWriter METADATA_WRITER = Json.MAPPER.writerFor(new TypeReference<Map<String, String>>() {
    });
    private static final ObjectReader METADATA_READER = Json.MAPPER.readerFor(new TypeReference<Map<String, String>>() {
    });

    private final FolderObjectStore folder;
    private final MVMap<Long, String> keys;
    private final MVMap<Long, byte[]> objects;
    private final AtomicLong lastNumber;
    /**
     * Key → number of its latest put; built on the first read or listing, then kept up to date by puts. A
     * concurrent map, because reads and listings walk it without the lock that a build and a put's update
     * take (a release round puts letters while another thread may list them).
     */
    private ConcurrentSkipListMap<String, Long> index;

    StateObjectStore(FolderObjectStore folder, MVStore store) {
        this.folder = folder;
        this.keys = store.openMap(KEYS_MAP);
        this.objects = store.openMap(OBJECTS_MAP);
        this.lastNumber = new AtomicLong(Math.max(lastKey(keys), lastKey(objects)));
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
        long number = lastNumber.incrementAndGet();
        objects.put(number, encode(key, content, metadata));
        keys.put(number, key);
        synchronized (this) {
            if (index != null) {
                index.merge(key, number, Math::max);
            }
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        TreeSet<String> listed = new TreeSet<>(folder.list(prefix));
        String from = FolderObjectStore.checkPrefix(prefix);
        for (Map.Entry<String, Long> entry : index().tailMap(from, true).entrySet()) {
            if (!entry.getKey().startsWith(from)) {
                break;
            }
            if (read(entry.getKey(), entry.getValue()) != null) {
                listed.add(entry.getKey());
            }
        }
        return List.copyOf(listed);
    }

    private Stored read(String key) throws IOException {
        FolderObjectStore.checkKey(key);
        if (!keptInState(key)) {
            return null;
        }
        Long number = index().get(key);
        return number == null ? null : read(key, number);
    }

    /** The object with this number, if it is there and is the one for this key (see the class comment on crashes). */
    private Stored read(String key, long number) throws IOException {
        byte[] value = objects.get(number);
        if (value == null) {
            return null;
        }
        Stored stored = decode(number, value);
        return stored.key().equals(key) ? stored : null;
    }

    private synchronized ConcurrentSkipListMap<String, Long> index() {
        if (index == null) {
            ConcurrentSkipListMap<String, Long> built = new ConcurrentSkipListMap<>();
            for (Map.Entry<Long, String> entry : keys.entrySet()) {
                built.merge(entry.getValue(), entry.getKey(), Math::max);
            }
            index = built;
        }
        return index;
    }

    private static long lastKey(MVMap<Long, ?> map) {
        Long last = map.lastKey();
        return last == null ? 0 : last;
    }

    private record Stored(String key, byte[] content, Map<String, String> metadata) {
    }

    /** {@code [layout] [key length, 4 bytes] key [metadata length, 4 bytes, metadata JSON: WITH_METADATA only] content}. */
    private static byte[] encode(String key, byte[] content, Map<String, String> metadata) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        boolean plain = metadata == null || metadata.isEmpty();
        byte[] json = plain ? new byte[0] : METADATA_WRITER.writeValueAsBytes(metadata);
        ByteBuffer value = ByteBuffer.allocate(1 + Integer.BYTES + keyBytes.length + (plain ? 0 : Integer.BYTES + json.length)
                + content.length);
        value.put(plain ? PLAIN : WITH_METADATA).putInt(keyBytes.length).put(keyBytes);
        if (!plain) {
            value.putInt(json.length).put(json);
        }
        return value.put(content).array();
    }

    private static Stored decode(long number, byte[] value) throws IOException {
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            byte layout = in.get();
            if (layout != PLAIN && layout != WITH_METADATA) {
                throw new IllegalArgumentException("layout " + layout);
            }
            int keyLength = in.getInt();
            String key = new String(value, in.position(), keyLength, StandardCharsets.UTF_8);
            in.position(in.position() + keyLength);
            Map<String, String> metadata = Map.of();
            if (layout == WITH_METADATA) {
                int length = in.getInt();
                metadata = Map.copyOf(METADATA_READER.<Map<String, String>>readValue(value, in.position(), length));
                in.position(in.position() + length);
            }
            return new Stored(key, Arrays.copyOfRange(value, in.position(), value.length), metadata);
        } catch (RuntimeException e) {
            throw new IOException("object number " + number + " in the state file is damaged (" + value.length
                    + " bytes): " + e.getMessage(), e);
        }
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
