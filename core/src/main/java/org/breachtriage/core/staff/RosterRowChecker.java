package org.breachtriage.core.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.csv.CsvTable;
import org.breachtriage.core.csv.RawRecord;
import org.breachtriage.core.manifest.PayNumbers;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/**
 * Validates roster rows. Unlike manifest rows, a roster row reports every problem it has at once,
 * so whoever fixes the roster fixes it in one pass. A pay number already seen on an earlier row is
 * an error on the later row.
 */
final class RosterRowChecker implements CsvTable.RowSink<RosterColumn> {
    /** Spelled in a vetting_level cell to say "no vetting held", like an empty cell. */
    static final String NO_VETTING = "none";
    static final ContactChannel DEFAULT_CHANNEL = ContactChannel.LETTER;

    private final Set<String> payNumbersSeen = new HashSet<>();
    private final SharedStrings shared = new SharedStrings();
    private final List<RowRejection> errors = new ArrayList<>();
    private final List<Pending> accepted = new ArrayList<>();

    /** A valid row, waiting for its name rarity, which needs the whole roster. */
    record Pending(String payNumber, String forename, String surname, StaffType staffType, String rank, String unit,
            Set<RoleFlag> roleFlags, VettingLevel vettingLevel, ContactChannel contactChannel, String association,
            String force) {
    }

    @Override
    public void check(long row, RawRecord<RosterColumn> raw) {
        RawRecord.Fault fault = raw.fault();
        if (fault != null) {
            errors.add(new RowRejection(row, fault.field(), RowRejection.excerpt(fault.value()), fault.reason()));
            return;
        }
        int errorsBefore = errors.size();

        String payNumber = raw.text(RosterColumn.PAY_NUMBER);
        String payProblem = PayNumbers.problem(payNumber);
        if (payProblem != null) {
            error(row, RosterColumn.PAY_NUMBER, payNumber, payProblem);
        } else {
            payNumber = PayNumbers.canonical(payNumber);
            if (!payNumbersSeen.add(payNumber)) {
                error(row, RosterColumn.PAY_NUMBER, payNumber, "duplicate pay number: an earlier row has it already");
            }
        }
        String surname = text(raw, RosterColumn.SURNAME);
        if (surname.isEmpty()) {
            error(row, RosterColumn.SURNAME, "", "surname missing");
        }
        String force = text(raw, RosterColumn.FORCE);
        if (force.isEmpty()) {
            error(row, RosterColumn.FORCE, "", "force missing");
        }
        StaffType staffType = null;
        String staffTypeText = text(raw, RosterColumn.STAFF_TYPE);
        if (staffTypeText.isEmpty()) {
            error(row, RosterColumn.STAFF_TYPE, "", "staff type missing; " + allowed(StaffType.class));
        } else {
            staffType = parse(StaffType.class, staffTypeText);
            if (staffType == null) {
                error(row, RosterColumn.STAFF_TYPE, staffTypeText, notAllowed(staffTypeText, StaffType.class));
            }
        }
        Set<RoleFlag> roleFlags = EnumSet.noneOf(RoleFlag.class);
        for (String item : raw.items(RosterColumn.ROLE_FLAGS)) {
            RoleFlag flag = parse(RoleFlag.class, item);
            if (flag == null) {
                error(row, RosterColumn.ROLE_FLAGS, raw.text(RosterColumn.ROLE_FLAGS), notAllowed(item, RoleFlag.class));
                break;
            }
            roleFlags.add(flag);
        }
        VettingLevel vetting = null;
        String vettingText = text(raw, RosterColumn.VETTING_LEVEL);
        if (!vettingText.isEmpty() && !vettingText.equalsIgnoreCase(NO_VETTING)) {
            vetting = parse(VettingLevel.class, vettingText);
            if (vetting == null) {
                error(row, RosterColumn.VETTING_LEVEL, vettingText,
                        notAllowed(vettingText, VettingLevel.class) + " (or empty for none)");
            }
        }
        ContactChannel channel = DEFAULT_CHANNEL;
        String channelText = text(raw, RosterColumn.CONTACT_CHANNEL);
        if (!channelText.isEmpty()) {
            channel = parse(ContactChannel.class, channelText);
            if (channel == null) {
                error(row, RosterColumn.CONTACT_CHANNEL, channelText,
                        notAllowed(channelText, ContactChannel.class) + " (or empty for " + DEFAULT_CHANNEL + ")");
            }
        }
        if (errors.size() > errorsBefore) {
            return;
        }
        accepted.add(new Pending(payNumber, text(raw, RosterColumn.FORENAME), surname, staffType,
                text(raw, RosterColumn.RANK), text(raw, RosterColumn.UNIT), roleFlags, vetting, channel,
                text(raw, RosterColumn.ASSOCIATION), force));
    }

    @Override
    public void rejectRow(long row, String value, String reason) {
        errors.add(new RowRejection(row, "row", RowRejection.excerpt(value), reason));
    }

    List<RowRejection> errors() {
        return errors;
    }

    List<Pending> accepted() {
        return accepted;
    }

    private void error(long row, RosterColumn column, String value, String reason) {
        errors.add(new RowRejection(row, column.wireName(), RowRejection.excerpt(value), reason));
    }

    /** Free text, trimmed; absent is "". */
    private String text(RawRecord<RosterColumn> raw, RosterColumn column) {
        String value = raw.text(column);
        return value == null ? "" : shared.share(value.trim());
    }

    /** Case-insensitive, with spaces and '-' read as '_': "Counter Terrorism" is COUNTER_TERRORISM. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> String notAllowed(String value, Class<E> type) {
        return RowRejection.quotedToken(value).map(quoted -> quoted + " is not allowed; ")
                .orElse("the value is not allowed " + RowRejection.NOT_QUOTED + "; ") + allowed(type);
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return "allowed values: " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
