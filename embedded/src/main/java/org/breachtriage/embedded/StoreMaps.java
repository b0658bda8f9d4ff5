package org.breachtriage.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The map handling the MVStore adapters share: maps opened per case or per incident (short keys, and
 * reading an unknown id leaves no map behind in the file), and walks that pin the store version.
 */
final class StoreMaps {
    private final MVStore store;

    StoreMaps(MVStore store) {
        this.store = store;
    }

    MVStore store() {
        return store;
    }

    /** Maps of one kind, one per owner id ({@code prefix + id}), opened on first use and cached. */
    final class PerOwner<K, V> {
        private final String prefix;
        private final Function<String, MVMap.Builder<K, V>> builder;
        private final Map<String, MVMap<K, V>> open = new ConcurrentHashMap<>();

        PerOwner(String prefix, Function<String, MVMap.Builder<K, V>> builder) {
            this.prefix = prefix;
            this.builder = builder;
        }

        /** The owner's map; with {@code create} false, null when it was never written. */
        MVMap<K, V> get(String ownerId, boolean create) {
            if (ownerId == null || ownerId.isEmpty()) {
                throw new IllegalArgumentException("id is missing");
            }
            MVMap<K, V> map = open.get(ownerId);
            if (map != null) {
                return map;
            }
            String name = prefix + ownerId;
            if (!create && !store.hasMap(name)) {
                return null;
            }
            return open.computeIfAbsent(ownerId, id -> store.openMap(name, builder.apply(id)));
        }

        boolean exists(String ownerId) {
            return open.containsKey(ownerId) || store.hasMap(prefix + ownerId);
        }
    }

    <K, V> PerOwner<K, V> perOwner(String prefix, Function<String, MVMap.Builder<K, V>> builder) {
        return new PerOwner<>(prefix, builder);
    }

    /** Every value of a map (none for null), in key order, reading one version of the store. */
    <K, V> void forEachValue(MVMap<K, V> map, Consumer<V> consumer) {
        if (map == null) {
            return;
        }
        readingOneVersion(() -> {
            Cursor<K, V> cursor = map.cursor(null);
            while (cursor.hasNext()) {
                cursor.next();
                consumer.accept(cursor.getValue());
            }
        });
    }

    /**
     * Pins the store version a long walk reads, as MVStore's TransactionStore does: background
     * compaction otherwise frees chunks the cursor still needs ("Chunk N not found", h2database
     * issue 4383), which the benchmark hit reading a big case right after reopening the state dir.
     */
    void readingOneVersion(Runnable walk) {
        MVStore.TxCounter pinned = store.registerVersionUsage();
        try {
            walk.run();
        } finally {
            store.deregisterVersionUsage(pinned);
        }
    }

    <T> T readingOneVersion(Supplier<T> walk) {
        MVStore.TxCounter pinned = store.registerVersionUsage();
        try {
            return walk.get();
        } finally {
            store.deregisterVersionUsage(pinned);
        }
    }
}
