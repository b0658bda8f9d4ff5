package org.breachtriage.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.breachtriage.core.ports.NoticePublisher;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Everything a run on one machine keeps, under one state dir:
 * <pre>
 *   &lt;stateDir&gt;/triage.mv.db   staff table, cases, incidents and their people (one MVStore file, locked while open)
 *   &lt;stateDir&gt;/objects/      the object store's files (manifests, rejects, reports); letters are in the store
 *                               file ({@link StateObjectStore})
 *   &lt;stateDir&gt;/topics/       what the alerts and notices topics received, as JSON Lines
 *   &lt;stateDir&gt;/heap-hint     the heap bin/triage gives a command here ({@link HeapHint})
 * </pre>
 * Close it to commit; MVStore also commits in the background (about every second, and whenever
 * the commit buffer of {@link Tuning} is full), so a crash loses at most the last moments of work,
 * and every write that must happen once is a single atomic entry update.
 */
public final class EmbeddedState implements AutoCloseable {
    public static final String STORE_FILE = "triage.mv.db";
    public static final String OBJECTS_DIR = "objects";
    public static final String TOPICS_DIR = "topics";

    /**
     * How much heap the store may use: both bounds are fixed, so heap does not grow with the
     * manifest. The page cache must hold the staff table (every row looks a person up at random)
     * plus the pay-number index pages being written; for 250,000 staff and a 1,000,000-row
     * manifest, 128 MB made pages churn (70 s CPU, 40% of it GC) and 256 MB halved that, while
     * 512 MB gained nothing. The commit buffer is how much unsaved change is kept before it is
     * written. Compression (LZF) makes the file about five times smaller and writing about twice
     * as slow, so it is off by default. Give the JVM at least cache + buffer + ~200 MB of heap.
     */
    public record Tuning(int cacheSizeMb, int autoCommitBufferKb, boolean compress) {
        public static final Tuning DEFAULT = new Tuning(256, 32 * 1024, false);

        public Tuning {
            if (cacheSizeMb < 1 || autoCommitBufferKb < 1) {
                throw new IllegalArgumentException("cache and commit buffer sizes must be positive: " + cacheSizeMb
                        + " MB, " + autoCommitBufferKb + " KB");
            }
        }
    }

    /**
     * Store files open in this JVM. MVStore's file lock only keeps other processes out; a second
     * open from this JVM fails too, but closing its channel would silently drop the first opener's
     * OS lock (POSIX locks belong to the process), letting a third process in. So refuse first.
     */
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path stateDir;
    private final Path lockKey;
    private final MVStore store;
    private final MvStoreStaffDirectory staffDirectory;
    private final MvStoreCaseStore caseStore;
    private final MvStoreIncidentStore incidentStore;
    private final MvStorePersonStore personStore;
    private final StateObjectStore objectStore;
    private final JsonLinesTopicSink topics;
    private final NoticePublisher publisher;
    private final MVMap<String, String> meta;
    private final CrashRecovery.Recovered recovered;
    private final AtomicReference<Throwable> backgroundFailure;
    private boolean closed;

    private EmbeddedState(Path stateDir, Path lockKey, MVStore store, MVMap<String, String> meta,
                          AtomicReference<Throwable> backgroundFailure) {
        this.stateDir = stateDir;
        this.backgroundFailure = backgroundFailure;
        this.lockKey = lockKey;
        this.store = store;
        this.staffDirectory = new MvStoreStaffDirectory(store);
        store.setCacheSize(cacheMbLeftBeside(staffDirectory.count(), store.getCacheSize()));
        StoreMaps maps = new StoreMaps(store);
        this.caseStore = new MvStoreCaseStore(maps);
        this.incidentStore = new MvStoreIncidentStore(maps);
        this.personStore = new MvStorePersonStore(maps);
        this.objectStore = new StateObjectStore(new FolderObjectStore(stateDir.resolve(OBJECTS_DIR)), store);
        this.topics = new JsonLinesTopicSink(stateDir.resolve(TOPICS_DIR));
        // Nothing reaches a topic before the state that planned it is on disk: MVStore commits in
        // the background about once a second, and a crash that lost a claimed notice's claim after
        // its line was written could let a resumed run withdraw a notice the person already has.
        this.publisher = (topic, messages) -> {
            store.commit();
            topics.publish(topic, messages);
        };
        this.meta = meta;
        this.recovered = CrashRecovery.onOpen(store, meta, incidentStore, personStore, Clock.systemUTC());
    }

    /** Heap besides the cache and the staff snapshot that stays live in a run: batches in flight, records being folded. */
    static final long OTHER_LIVE_MB = 64;
    /**
     * Bytes of heap the staff snapshot takes per person, with room: measured 228 for the generated
     * 250,000-person roster, both by {@link MvStoreStaffDirectory#snapshotBytes} and by the heap it adds.
     */
    static final long SNAPSHOT_BYTES_PER_PERSON = 260;
    static final int MIN_CACHE_MB = 32;

    /**
     * The page cache, sized to what the heap has left once the staff snapshot (which a run loads on its
     * first lookup) is counted, never above the tuning's size: the live set is kept to half the heap, so
     * that G1 has the other half for a run's allocation (43 GB in the benchmark's 1M-row run). Why: at
     * -Xmx512m a 256 MB cache beside a 250,000-person snapshot left the live set at 361 MB and the run
     * GC-bound (267 s of pauses in 621 s).
     */
    static int cacheMbLeftBeside(long staffCount, int tunedMb) {
        return cacheMbLeftBeside(Runtime.getRuntime().maxMemory() >> 20, staffCount, tunedMb);
    }

    /** As {@link #cacheMbLeftBeside(long, int)}, for a heap of this many MB. */
    static int cacheMbLeftBeside(long heapMb, long staffCount, int tunedMb) {
        long snapshotMb = (staffCount * SNAPSHOT_BYTES_PER_PERSON) >> 20;
        long left = heapMb / 2 - snapshotMb - OTHER_LIVE_MB;
        return (int) Math.max(MIN_CACHE_MB, Math.min(tunedMb, left));
    }

    /**
     * Opens the state dir, creating it and the store file if absent.
     *
     * @throws StateDirInUseException if another process (or another open in this one) holds it
     * @throws IllegalStateException if the store file is damaged or was written by an incompatible version
     */
    public static EmbeddedState open(Path stateDir) {
        return open(stateDir, Tuning.DEFAULT);
    }

    /** As {@link #open(Path)}, with explicit cache and commit sizes (for large runs and benchmarks). */
    public static EmbeddedState open(Path stateDir, Tuning tuning) {
        Path dir = stateDir.toAbsolutePath().normalize();
        Path lockKey;
        try {
            Files.createDirectories(dir);
            lockKey = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state dir " + dir + ": " + e.getMessage(), e);
        }
        if (!OPEN_IN_THIS_JVM.add(lockKey)) {
            throw new StateDirInUseException(dir, " (it is already open in this process)");
        }
        Path file = dir.resolve(STORE_FILE);
        MVStore store = null;
        // MVStore's background writer would print its failure (a full disk) as a stack trace and
        // stop; keep it instead, so close() can report it as the cause of whatever failed next.
        AtomicReference<Throwable> backgroundFailure = new AtomicReference<>();
        try {
            MVStore.Builder builder = new MVStore.Builder()
                    .fileName(file.toString())
                    .backgroundExceptionHandler((thread, failure) -> backgroundFailure.compareAndSet(null, failure))
                    .cacheSize(tuning.cacheSizeMb())
                    .autoCommitBufferSize(tuning.autoCommitBufferKb());
            if (tuning.compress()) {
                builder.compress();
            }
            store = builder.open();
            MVMap<String, String> meta = store.openMap("triage.meta");
            StoreSchema.checkAndRecord(meta, file);
            return new EmbeddedState(dir, lockKey, store, meta, backgroundFailure);
        } catch (MVStoreException e) {
            closeQuietly(store);
            OPEN_IN_THIS_JVM.remove(lockKey);
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StateDirInUseException(dir, "");
            }
            throw new IllegalStateException("state file " + file + " cannot be opened: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(store);
            OPEN_IN_THIS_JVM.remove(lockKey);
            throw e;
        }
    }

    public Path stateDir() {
        return stateDir;
    }

    public MvStoreStaffDirectory staffDirectory() {
        return staffDirectory;
    }

    public MvStoreCaseStore caseStore() {
        return caseStore;
    }

    public MvStoreIncidentStore incidentStore() {
        return incidentStore;
    }

    public MvStorePersonStore personStore() {
        return personStore;
    }

    /** The store itself: for tests in this package that stop its background commits, to see what a crash would keep. */
    MVStore store() {
        return store;
    }

    public StateObjectStore objectStore() {
        return objectStore;
    }

    /** The topics as the pipeline publishes to them: the store is committed before each publish. */
    public NoticePublisher publisher() {
        return publisher;
    }

    /** The topic files themselves, to read what was published. */
    public JsonLinesTopicSink topics() {
        return topics;
    }

    /** Whether the process that held this state directory before died without closing it, and what that left. */
    public CrashRecovery.Recovered recovered() {
        return recovered;
    }

    /** Writes pending changes to disk now (a checkpoint; close does this too). */
    public void commit() {
        store.commit();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeTopics();
            Throwable failed = backgroundFailure.get();
            if (failed != null || store.isClosed()) {
                // The store stopped itself after a failed write: closing normally would try to write again.
                // Leave the file as the last good commit left it; the next open recovers (CrashRecovery).
                store.closeImmediately();
                throw new IllegalStateException("state file " + stateDir.resolve(STORE_FILE)
                        + " could not be written" + (failed == null ? "" : ": " + failed.getMessage()), failed);
            }
            CrashRecovery.onClose(meta);
            HeapHint.write(stateDir, staffDirectory::count); // while the state dir is still ours; never throws
            store.close();
        } catch (MVStoreException e) {
            throw new IllegalStateException("state file " + stateDir.resolve(STORE_FILE)
                    + " could not be closed cleanly: " + e.getMessage(), e);
        } finally {
            OPEN_IN_THIS_JVM.remove(lockKey);
        }
    }

    /** Every line was written when its publish returned (no buffer), so a failed close loses nothing. */
    private void closeTopics() {
        try {
            topics.close();
        } catch (UncheckedIOException ignored) {
            // nothing to flush: the store still closes
        }
    }

    private static void closeQuietly(MVStore store) {
        if (store != null) {
            try {
                store.closeImmediately();
            } catch (RuntimeException ignored) {
                // already failing with the more useful error
            }
        }
    }
}
