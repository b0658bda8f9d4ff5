package org.breachtriage.core.ports;

import java.util.Collection;
import java.util.Map;
import org.breachtriage.core.model.StaffMember;

/** The staff table, keyed by pay number. */
public interface StaffDirectory {

    /**
     * Looks up many pay numbers at once (the AWS adapter sends BatchGetItem of at most 100 keys).
     * Unknown pay numbers are simply absent from the result.
     */
    Map<String, StaffMember> findAll(Collection<String> payNumbers);

    /** Inserts or replaces. */
    void putAll(Collection<StaffMember> members);
}
