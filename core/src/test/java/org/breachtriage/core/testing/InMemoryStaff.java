package org.breachtriage.core.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.StaffDirectory;

/** {@link StaffDirectory} in a map, for core's tests and the benchmark floor. */
public final class InMemoryStaff implements StaffDirectory {
    private final Map<String, StaffMember> members = new HashMap<>();

    @Override
    public synchronized Map<String, StaffMember> findAll(Collection<String> payNumbers) {
        Map<String, StaffMember> found = HashMap.newHashMap(payNumbers.size());
        for (String payNumber : payNumbers) {
            StaffMember member = members.get(payNumber);
            if (member != null) {
                found.put(payNumber, member);
            }
        }
        return found;
    }

    @Override
    public synchronized void putAll(Collection<StaffMember> more) {
        for (StaffMember member : more) {
            members.put(member.payNumber(), member);
        }
    }
}
