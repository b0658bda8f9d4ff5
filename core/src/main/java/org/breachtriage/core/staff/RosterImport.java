package org.breachtriage.core.staff;

import java.util.List;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.StaffMember;

/**
 * What a roster file held: the members that passed validation and every error found. A row with
 * errors is not among the members; a row may have more than one error. Whether any error blocks
 * the whole import is the caller's policy.
 */
public record RosterImport(List<StaffMember> members, List<RowRejection> errors, long rowsRead) {

    public RosterImport {
        members = List.copyOf(members);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
