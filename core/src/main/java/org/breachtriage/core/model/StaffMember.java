package org.breachtriage.core.model;

import java.util.Set;

/**
 * One person in the staff table, keyed by pay number. {@code vettingLevel} may be null (none held).
 */
public record StaffMember(
        String payNumber,
        String forename,
        String surname,
        StaffType staffType,
        String rank,
        String unit,
        Set<RoleFlag> roleFlags,
        VettingLevel vettingLevel,
        ContactChannel contactChannel,
        String association,
        String force,
        NameRarity nameRarity) {

    public StaffMember {
        roleFlags = roleFlags == null ? Set.of() : Set.copyOf(roleFlags);
    }

    public boolean hasSensitiveRole() {
        return roleFlags.contains(RoleFlag.COVERT)
                || roleFlags.contains(RoleFlag.COUNTER_TERRORISM)
                || roleFlags.contains(RoleFlag.PROTECTION);
    }
}
