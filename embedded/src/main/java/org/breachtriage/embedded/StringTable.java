package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;

/**
 * The strings an incident's person records repeat, each stored once and referred to by number: the
 * assessment's reasons (seven sentences or so, the same for thousands of people), case ids, template
 * ids, forces, claim tokens. Stored inline they were most of a record's bytes, and decoding them was
 * the biggest single cost of reading people back ({@code DataUtils.readString} was 13% of a run's
 * samples); a number decodes to a string already in the heap, shared by every record that names it.
 *
 * <p>Why a record never names a number its file lacks: a string is written by number only once its
 * entry is known to be on disk, that is once a commit that began after the entry was put has finished
 * ({@link #makeDurable}); until then it is written inline. Putting the entry before the record is not
 * enough: MVStore saves each map's root as it reaches it while a commit runs, so a saved version can hold
 * a record written after its entry and not the entry. The person store commits as soon as a write has
 * added a new string (new strings are rare once a run has seen its reasons), so records are written by
 * number from then on; a record a commit saved with an inline copy is written by number when it next
 * changes.
 */
final class StringTable {
    /** Var-int codes on disk: 0 null, 1 an inline string follows, n ≥ 2 the table's string n − 2. */
    private static final int NULL = 0;
    private static final int INLINE = 1;
    private static final int FIRST_ID = 2;

    private final MVMap<Long, String> stored;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    /** By id; replaced (never changed in place past {@link #size}) when it grows, so readers need no lock. */
    private volatile String[] byId;
    private volatile int size;
    /** Entries below this are on disk; only they are written by number. */
    private volatile int durable;
    /** Not the monitor of {@link #addNew}: a writer inside a map update adds strings while a commit runs. */
    private final Object committing = new Object();

    StringTable(MVMap<Long, String> stored) {
        this.stored = stored;
        Long last = stored.lastKey();
        String[] loaded = new String[Math.max(16, last == null ? 0 : Math.toIntExact(last + 1))];
        int count = 0;
        for (Map.Entry<Long, String> e : stored.entrySet()) {
            int id = Math.toIntExact(e.getKey());
            loaded[id] = e.getValue();
            ids.put(e.getValue(), id);
            count = Math.max(count, id + 1);
        }
        byId = loaded;
        size = count;
        durable = count; // read from the file
    }

    /** Makes {@code s} codable by number, storing it first if it is new. Null is ignored. */
    void add(String s) {
        if (s != null && !ids.containsKey(s)) {
            addNew(s);
        }
    }

    private synchronized void addNew(String s) {
        if (ids.containsKey(s)) {
            return;
        }
        int id = size;
        stored.put((long) id, s); // before anyone can write the number: see the class comment
        String[] table = byId;
        if (id == table.length) {
            String[] grown = new String[table.length * 2];
            System.arraycopy(table, 0, grown, 0, table.length);
            table = grown;
        }
        table[id] = s;
        byId = table;
        size = id + 1;
        ids.put(s, id);
    }

    /** Whether strings were added that are not yet known to be on disk (and so are written inline). */
    boolean hasPending() {
        return durable < size;
    }

    /**
     * Runs {@code commit} (a store commit) if strings were added since the last, and then lets them be
     * written by number: every entry added before the commit began is in the version it saved.
     */
    void makeDurable(Runnable commit) {
        synchronized (committing) {
            int upTo = size;
            if (upTo <= durable) {
                return;
            }
            commit.run();
            durable = upTo;
        }
    }

    /** Writes a string by number if its entry is on disk, else inline (a null as null). */
    void put(WriteBuffer buff, String s) {
        Integer id = s == null ? null : ids.get(s);
        if (id != null && id < durable) {
            buff.putVarInt(id + FIRST_ID);
        } else if (s == null) {
            buff.putVarInt(NULL);
        } else {
            buff.putVarInt(INLINE);
            Bin.putString(buff, s);
        }
    }

    /** Moves past a string {@link #put} wrote, without looking it up. */
    static void skip(ByteBuffer buff) {
        if (DataUtils.readVarInt(buff) == INLINE) {
            Bin.skipString(buff);
        }
    }

    String get(ByteBuffer buff) {
        int code = DataUtils.readVarInt(buff);
        if (code == NULL) {
            return null;
        }
        if (code == INLINE) {
            return Bin.getString(buff);
        }
        int id = code - FIRST_ID;
        String[] table = byId;
        String s = id < size && id < table.length ? table[id] : null;
        if (s == null) {
            throw new IllegalStateException("a stored person record names string " + id + ", which the incident's"
                    + " string table (" + size + " entries) does not have: the state file is damaged");
        }
        return s;
    }

    int size() {
        return size;
    }
}
