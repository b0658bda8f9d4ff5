package org.breachtriage.embedded;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/**
 * {@link StaffDirectory} on an MVStore map, pay number → staff member in a compact binary form.
 *
 * <p>Lookups are served from a read-only snapshot of the table, loaded on the first lookup and
 * dropped by any write: the pay numbers in an array with a hash table of their indexes, and the members
 * themselves, decoded once as the map is read, with the strings many people share (rank, unit, staff
 * association, force) held once (about 230 bytes a person in all: 57 MB for 250,000). Why: a run looks up one person per
 * manifest row, at random, and through MVStore's page cache those lookups competed with the writes of
 * the run for the same cache; the profile had them at a fifth of the run's CPU. The snapshot first held
 * each member's binary form (about 100 bytes) and decoded it on every lookup: at a million rows that
 * decoding, and the encoding of the table into it at load, were a tenth of the run.
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
     * @param members    the member of each pay number, at the same index
     * @param slots      index + 1 of the pay number hashed there, 0 for an empty slot; a power of two long
     * @param slotHashes the hash of the pay number in each slot
     * @param sharedBytes the heap the shared strings take, each counted once
     */
    record Snapshot(String[] payNumbers, StaffMember[] members, int[] slots, int[] slotHashes, long sharedBytes) {
        static Snapshot of(String[] payNumbers, StaffMember[] members, long sharedBytes) {
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
            return new Snapshot(payNumbers, members, slots, hashes, sharedBytes);
        }

        StaffMember find(String payNumber) {
            int i = indexOf(payNumber);
            return i < 0 ? null : members[i];
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

        /**
         * Heap the snapshot holds, in bytes: the arrays, the pay numbers (each member's own, shared with the
         * key array), each member's record and names, and the shared strings once. Object headers included;
         * references of 4 bytes (compressed, as on any heap under 32 GB).
         */
        long bytes() {
            long total = 2 * (16 + 4L * payNumbers.length) + 2 * (16 + 4L * slots.length) + sharedBytes;
            for (StaffMember m : members) {
                total += MEMBER_BYTES + stringBytes(m.payNumber()) + stringBytes(m.forename()) + stringBytes(m.surname());
            }
            return total;
        }
    }

    /** A StaffMember's own object: a header and twelve references or enum fields. */
    private static final int MEMBER_BYTES = 64;

    /** A string's heap: its object and its byte array (Latin-1, one byte a character; two for any other text). */
    static long stringBytes(String s) {
        if (s == null) {
            return 0;
        }
        boolean latin1 = s.chars().allMatch(c -> c < 256);
        return 24 + 16 + (long) s.length() * (latin1 ? 1 : 2);
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

    /**
     * One pass over the map in key order, keeping each member as the map decodes it, with the strings that
     * repeat from person to person replaced by one copy of each.
     */
    private Snapshot load() {
        int size = (int) staff.sizeAsLong();
        String[] payNumbers = new String[size];
        StaffMember[] members = new StaffMember[size];
        SharedStrings shared = new SharedStrings();
        int n = 0;
        Cursor<String, StaffMember> cursor = staff.cursor(null);
        while (cursor.hasNext() && n < size) {
            String payNumber = cursor.next();
            StaffMember m = cursor.getValue();
            members[n] = new StaffMember(m.payNumber(), m.forename(), m.surname(), m.staffType(), shared.of(m.rank()),
                    shared.of(m.unit()), m.roleFlags(), m.vettingLevel(), m.contactChannel(), shared.of(m.association()),
                    shared.of(m.force()), m.nameRarity());
            payNumbers[n] = payNumber.equals(m.payNumber()) ? m.payNumber() : payNumber;
            n++;
        }
        return Snapshot.of(Arrays.copyOf(payNumbers, n), Arrays.copyOf(members, n), shared.bytes);
    }

    /** One copy of each distinct value, for the fields that a force's people share (a rank, a unit, the force). */
    private static final class SharedStrings {
        private final Map<String, String> copies = new HashMap<>();
        long bytes;

        String of(String s) {
            if (s == null) {
                return null;
            }
            String copy = copies.putIfAbsent(s, s);
            if (copy == null) {
                bytes += stringBytes(s);
                return s;
            }
            return copy;
        }
    }

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
