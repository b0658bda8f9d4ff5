package org.breachtriage.embedded;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/** {@link StaffDirectory} on an MVStore map, pay number → staff member in a compact binary form. */
public final class MvStoreStaffDirectory implements StaffDirectory {
    private static final String STAFF = "staff";

    private final MVMap<String, StaffMember> staff;

    MvStoreStaffDirectory(MVStore store) {
        this.staff = store.openMap(STAFF, new MVMap.Builder<String, StaffMember>()
                .keyType(StringDataType.INSTANCE).valueType(StaffMemberType.INSTANCE));
    }

    @Override
    public Map<String, StaffMember> findAll(Collection<String> payNumbers) {
        Map<String, StaffMember> found = HashMap.newHashMap(payNumbers.size());
        for (String payNumber : payNumbers) {
            StaffMember member = staff.get(requirePayNumber(payNumber));
            if (member != null) {
                found.put(payNumber, member);
            }
        }
        return found;
    }

    @Override
    public void putAll(Collection<StaffMember> members) {
        for (StaffMember member : members) {
            staff.put(requirePayNumber(member.payNumber()), member);
        }
    }

    /** How many people the staff table holds. */
    public long count() {
        return staff.sizeAsLong();
    }

    private static String requirePayNumber(String payNumber) {
        if (payNumber == null || payNumber.isEmpty()) {
            throw new IllegalArgumentException("pay number is missing");
        }
        return payNumber;
    }
}
