package org.breachtriage.core.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.csv.ColumnSpec;
import org.breachtriage.core.manifest.PayNumbers;

/** The roster columns (CSV headers or JSON keys). */
enum RosterColumn implements ColumnSpec {
    PAY_NUMBER("pay_number", PayNumbers.ALIASES, false),
    FORENAME("forename", List.of(), false),
    SURNAME("surname", List.of(), false),
    STAFF_TYPE("staff_type", List.of(), false),
    RANK("rank", List.of(), false),
    UNIT("unit", List.of(), false),
    ROLE_FLAGS("role_flags", List.of(), true),
    VETTING_LEVEL("vetting_level", List.of(), false),
    CONTACT_CHANNEL("contact_channel", List.of(), false),
    ASSOCIATION("association", List.of(), false),
    FORCE("force", List.of(), false);

    /** Columns a CSV roster header must have; the others may be left out. */
    static final Set<RosterColumn> REQUIRED = EnumSet.of(PAY_NUMBER, FORENAME, SURNAME, STAFF_TYPE, FORCE);

    private final String wireName;
    private final List<String> aliases;
    private final boolean listValued;

    RosterColumn(String wireName, List<String> aliases, boolean listValued) {
        this.wireName = wireName;
        this.aliases = aliases;
        this.listValued = listValued;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public boolean listValued() {
        return listValued;
    }
}
