package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link StaffDirectory} on an MVStore map, pay number → staff member in a compact binary form.
 *
 * <p>Lookups are served from a read-only snapshot of the table, loaded on the first lookup and
 * dropped by any write: the pay numbers in an array with a hash table of their indexes, and every
 * member's binary form in one byte array (about 100 bytes a person), decoded on lookup. Why: a run looks up one person per
 * manifest row, at random, and through MVStore's page cache those lookups competed with the writes of
 * the run for the same cache; the profile had them at a fifth of the run's CPU.
 */
public final class MvStoreStaffDirectory implements StaffDirectory {
    private static final String STAFF = "staff";

    private final MVMap<String, StaffMember> staff;
    private volatile Snapshot snapshot; // null until the first lookup after open or after a write

    MvStoreStaffDirectory(MVStore store) {
        this.staff = store.openMap(STAFF, new MVMap.Builder<String, StaffMember>()
                .keyType(StringDataType.INSTANCE).valueType(StaffMemberType.INSTANCE));
    }

    /**
     * The staff table at one moment, read-only.
     *
     * <p>Found by hash, not by binary search: a search over 250,000 pay numbers touches 18 strings scattered
     * over the heap, each a cache miss or two, and the benchmark's profile had those lookups at an eighth of a
     * million-row run. An open-addressing table of indexes, with each slot's hash beside it, touches one
     * string for a hit.
     *
     * @param payNumbers as the map sorts them
     * @param starts     where each member's binary form starts in {@code members}; one more entry, the end
     * @param slots      index + 1 of the pay number hashed there, 0 for an empty slot; a power of two long
     * @param slotHashes the hash of the pay number in each slot
     */
    record Snapshot(String[] payNumbers, int[] starts, byte[] members, int[] slots, int[] slotHashes) {
        static Snapshot of(String[] payNumbers, int[] starts, byte[] members) {
            int capacity = Integer.highestOneBit(Math.max(2, payNumbers.length) * 2 - 1) << 1; // at most half full
            int[] slots = new int[capacity];
            int[] hashes = new int[capacity];
            for (int i = 0; i < payNumbers.length; i++) {
                int hash = spread(payNumbers[i].hashCode());
                int slot = hash & (capacity - 1);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (capacity - 1);
                }
                slots[slot] = i + 1;
                hashes[slot] = hash;
            }
            return new Snapshot(payNumbers, starts, members, slots, hashes);
        }

        StaffMember find(String payNumber) {
            int i = indexOf(payNumber);
            return i < 0 ? null : StaffMemberType.INSTANCE.read(
                    ByteBuffer.wrap(members, starts[i], starts[i + 1] - starts[i]));
        }

        private int indexOf(String payNumber) {
            int hash = spread(payNumber.hashCode());
            int mask = slots.length - 1;
            for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                if (slotHashes[slot] == hash && payNumbers[slots[slot] - 1].equals(payNumber)) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        /** String hashes of similar pay numbers differ in their low bits only a little: mix the high ones in. */
        private static int spread(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            return h ^ (h >>> 13);
        }

        /** Heap the snapshot holds, in bytes (arrays and pay-number strings, object headers included). */
        long bytes() {
            long keys = 16L + 4L * payNumbers.length;
            for (String payNumber : payNumbers) {
                keys += 24 + 16 + payNumber.length();
            }
            return keys + 16 + 4L * starts.length + 16 + members.length + 2 * (16 + 4L * slots.length);
        }
    }

    @Override
    public Map<String, StaffMember> findAll(Collection<String> payNumbers) {
        Snapshot table = snapshot();
        Map<String, StaffMember> found = HashMap.newHashMap(payNumbers.size());
        for (String payNumber : payNumbers) {
            StaffMember member = table.find(requirePayNumber(payNumber));
            if (member != null) {
                found.put(payNumber, member);
            }
        }
        return found;
    }

    @Override
    public void putAll(Collection<StaffMember> members) {
        snapshot = null;
        for (StaffMember member : members) {
            staff.put(requirePayNumber(member.payNumber()), member);
        }
        snapshot = null; // a lookup racing the writes may have loaded a half-written table
    }

    /** How many people the staff table holds. */
    public long count() {
        return staff.sizeAsLong();
    }

    /** Heap the lookup snapshot holds (loading it if it is not yet), in bytes: what the staff table costs a run. */
    public long snapshotBytes() {
        return snapshot().bytes();
    }

    private Snapshot snapshot() {
        Snapshot table = snapshot;
        if (table == null) {
            synchronized (this) {
                table = snapshot;
                if (table == null) {
                    table = load();
                    snapshot = table;
                }
            }
        }
        return table;
    }

    /** One pass over the map in key order: the binary forms are copied as MVStore's type writes them. */
    private Snapshot load() {
        int size = (int) staff.sizeAsLong();
        String[] payNumbers = new String[size];
        int[] starts = new int[size + 1];
        WriteBuffer members = new WriteBuffer(Math.max(1024, size * 96));
        int n = 0;
        Cursor<String, StaffMember> cursor = staff.cursor(null);
        while (cursor.hasNext() && n < size) {
            payNumbers[n] = cursor.next();
            starts[n] = members.position();
            StaffMemberType.INSTANCE.write(members, cursor.getValue());
            n++;
        }
        starts[n] = members.position();
        ByteBuffer written = members.getBuffer();
        byte[] bytes = new byte[written.position()];
        written.flip().get(bytes);
        return Snapshot.of(Arrays.copyOf(payNumbers, n), Arrays.copyOf(starts, n + 1), bytes);
    }

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
