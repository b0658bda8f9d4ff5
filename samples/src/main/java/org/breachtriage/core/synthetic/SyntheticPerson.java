package org.breachtriage.core.synthetic;

import java.util.Set;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/**
 * One generated member of the workforce: a roster line before it is written. {@code index} is the
 * person's position in the roster (0-based); {@code vettingLevel} is null when none is held and
 * {@code association} is empty when the person belongs to none.
 */
public record SyntheticPerson(
        int index,
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
        String force) {

    /**
     * As the staff table holds it. Name rarity is not a property of one person but of the whole roster
     * (how many share the name), so the caller who has counted the roster supplies it.
     */
    public StaffMember toStaffMember(NameRarity nameRarity) {
        return new StaffMember(payNumber, forename, surname, staffType, rank, unit, roleFlags, vettingLevel,
                contactChannel, association, force, nameRarity);
    }
}
