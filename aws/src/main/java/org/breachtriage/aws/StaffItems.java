package org.breachtriage.aws;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link StaffMember} as a staff-table item: one attribute per field, enums by name, role flags as
 * a string set. Absent fields are left out (DynamoDB has no empty sets and null wastes bytes).
 */
final class StaffItems {
    static final String PAY_NUMBER = "payNumber";

    private StaffItems() {
    }

    static Map<String, AttributeValue> key(String payNumber) {
        return Map.of(PAY_NUMBER, AttributeValue.fromS(payNumber));
    }

    static Map<String, AttributeValue> toItem(StaffMember m) {
        if (m.payNumber() == null || m.payNumber().isBlank()) {
            throw new IllegalArgumentException("a staff member needs a pay number to be stored");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PAY_NUMBER, AttributeValue.fromS(m.payNumber()));
        putString(item, "forename", m.forename());
        putString(item, "surname", m.surname());
        putEnum(item, "staffType", m.staffType());
        putString(item, "rank", m.rank());
        putString(item, "unit", m.unit());
        if (!m.roleFlags().isEmpty()) {
            item.put("roleFlags", AttributeValue.fromSs(m.roleFlags().stream().map(Enum::name).sorted().toList()));
        }
        putEnum(item, "vettingLevel", m.vettingLevel());
        putEnum(item, "contactChannel", m.contactChannel());
        putString(item, "association", m.association());
        putString(item, "force", m.force());
        putEnum(item, "nameRarity", m.nameRarity());
        return item;
    }

    /** The item's pay number is deliberately not in any error message: it is personal data. */
    static StaffMember fromItem(Map<String, AttributeValue> item, String table) {
        Set<RoleFlag> flags = EnumSet.noneOf(RoleFlag.class);
        AttributeValue flagValue = item.get("roleFlags");
        if (flagValue != null && flagValue.hasSs()) {
            for (String flag : flagValue.ss()) {
                flags.add(parseEnum(RoleFlag.class, flag, "roleFlags", table));
            }
        }
        return new StaffMember(
                string(item, PAY_NUMBER),
                string(item, "forename"),
                string(item, "surname"),
                parseEnum(StaffType.class, string(item, "staffType"), "staffType", table),
                string(item, "rank"),
                string(item, "unit"),
                flags,
                parseEnum(VettingLevel.class, string(item, "vettingLevel"), "vettingLevel", table),
                parseEnum(ContactChannel.class, string(item, "contactChannel"), "contactChannel", table),
                string(item, "association"),
                string(item, "force"),
                parseEnum(NameRarity.class, string(item, "nameRarity"), "nameRarity", table));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putEnum(Map<String, AttributeValue> item, String name, Enum<?> value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.name()));
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String attribute, String table) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("staff table " + table + ": attribute " + attribute + " holds '" + value
                    + "', which is not one of " + List.of(type.getEnumConstants()), e);
        }
    }
}
