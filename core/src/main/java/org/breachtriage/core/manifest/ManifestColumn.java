package org.breachtriage.core.manifest;

import java.util.List;
import org.breachtriage.core.csv.ColumnSpec;

/** The manifest columns (CSV headers or JSON keys) the readers understand; others are ignored. */
enum ManifestColumn implements ColumnSpec {
    PAY_NUMBER("pay_number", PayNumbers.ALIASES, false),
    EXPOSED_FIELDS("exposed_fields", List.of(), true),
    SURNAME("surname", List.of(), false),
    FORENAME("forename", List.of(), false),
    RANK("rank", List.of(), false),
    VETTING_LEVEL("vetting_level", List.of(), false),
    /** Since manifest version 2: whose data the row is (STAFF when absent), and how a non-staff subject is reached. */
    SUBJECT_TYPE("subject_type", List.of(), false),
    SUBJECT_REF("subject_ref", List.of(), false),
    CONTACT_CHANNEL("contact_channel", List.of(), false);

    private final String wireName;
    private final List<String> aliases;
    private final boolean listValued;

    ManifestColumn(String wireName, List<String> aliases, boolean listValued) {
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
