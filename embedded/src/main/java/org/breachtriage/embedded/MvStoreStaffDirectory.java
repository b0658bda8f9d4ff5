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
 * dropped by any write: the pay numbers as a sorted array, and every member's binary form in one
 * byte array (about 100 bytes a person), decoded on lookup. Why: a run looks up one person per
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
     * @param payNumbers sorted as the map sorts them
     * @param starts     where each member's binary form starts in {@code members}; one more entry, the end
     */
    record Snapshot(String[] payNumbers, int[] starts, byte[] members) {
        StaffMember find(String payNumber) {
            int i = Arrays.binarySearch(payNumbers, payNumber);
            return i < 0 ? null : StaffMemberType.INSTANCE.read(
                    ByteBuffer.wrap(members, starts[i], starts[i + 1] - starts[i]));
        }

        /** Heap the snapshot holds, in bytes (arrays and pay-number strings, object headers included). */
        long bytes() {
            long keys = 16L + 4L * payNumbers.length;
            for (String payNumber : payNumbers) {
                keys += 24 + 16 + payNumber.length();
            }
            return keys + 16 + 4L * starts.length + 16 + members.length;
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
        return new Snapshot(Arrays.copyOf(payNumbers, n), Arrays.copyOf(starts, n + 1), bytes);
    }

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
