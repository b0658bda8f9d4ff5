package org.breachtriage.core.manifest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.breachtriage.core.csv.CsvTable;
import org.breachtriage.core.csv.RawRecord;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.SubjectType;

/**
 * Turns one raw record into exactly one visitor call, accepted or rejected, whatever format it
 * came from. Keeping the validation in one place is what makes the CSV, JSON Lines and JSON
 * readers agree on every rule.
 */
final class RowChecker implements CsvTable.RowSink<ManifestColumn> {
    private final CountingVisitor out;
    private final DataCategories categories = new DataCategories();

    RowChecker(CountingVisitor out) {
        this.out = out;
    }

    /** A row that could not be read whole: rejected as a whole row, with what was read of its key. */
    @Override
    public void rejectRow(long rowNumber, String key, String reason) {
        out.rejectRow(rowNumber, key, reason);
    }

    @Override
    public void check(long rowNumber, RawRecord<ManifestColumn> raw) {
        RawRecord.Fault fault = raw.fault();
        if (fault != null) {
            out.rejected(new RowRejection(rowNumber, fault.field(), RowRejection.excerpt(fault.value()), fault.reason()));
            return;
        }
        String typeText = raw.text(ManifestColumn.SUBJECT_TYPE);
        SubjectType subjectType = vocabulary(typeText, SUBJECT_TYPES, SubjectType.STAFF);
        if (subjectType == null) {
            out.rejected(new RowRejection(rowNumber, "subject_type", RowRejection.excerpt(typeText),
                    notIn("subject_type", typeText, SUBJECT_TYPES)));
            return;
        }
        String payNumber = null;
        String subjectRef = null;
        ContactChannel channel = null;
        if (subjectType.staff()) {
            payNumber = raw.text(ManifestColumn.PAY_NUMBER);
            String payProblem = PayNumbers.problem(payNumber);
            if (payProblem != null) {
                out.rejected(new RowRejection(rowNumber, "pay_number", RowRejection.excerpt(payNumber), payProblem));
                return;
            }
            payNumber = PayNumbers.canonical(payNumber);
        } else {
            // Someone outside the workforce: keyed by the manifest's own reference, never by a pay number,
            // so the staff table is never asked about them.
            subjectRef = raw.text(ManifestColumn.SUBJECT_REF);
            String refProblem = PayNumbers.subjectRefProblem(subjectRef);
            if (refProblem != null) {
                out.rejected(new RowRejection(rowNumber, "subject_ref", RowRejection.excerpt(subjectRef),
                        refProblem + " (a " + subjectType + " row is identified by its subject_ref)"));
                return;
            }
            subjectRef = PayNumbers.canonical(subjectRef);
            String channelText = raw.text(ManifestColumn.CONTACT_CHANNEL);
            channel = vocabulary(channelText, CHANNELS, ContactChannel.LETTER);
            if (channel == null) {
                out.rejected(new RowRejection(rowNumber, "contact_channel", RowRejection.excerpt(channelText),
                        notIn("contact_channel", channelText, CHANNELS)));
                return;
            }
        }
        Set<DataCategory> exposed = Set.of();
        String exposedText = raw.text(ManifestColumn.EXPOSED_FIELDS);
        if (exposedText != null && !exposedText.isBlank()) {
            DataCategories.Parsed parsed = categories.parse(exposedText, () -> raw.items(ManifestColumn.EXPOSED_FIELDS));
            if (!parsed.ok()) {
                out.rejected(new RowRejection(rowNumber, "exposed_fields", RowRejection.excerpt(exposedText), parsed.reason()));
                return;
            }
            exposed = parsed.categories();
        }
        out.accepted(new ManifestRow(
                rowNumber,
                payNumber,
                exposed,
                echo(raw.text(ManifestColumn.SURNAME)),
                echo(raw.text(ManifestColumn.FORENAME)),
                echo(raw.text(ManifestColumn.RANK)),
                echo(raw.text(ManifestColumn.VETTING_LEVEL)),
                subjectType,
                subjectRef,
                channel));
    }

    private static final List<SubjectType> SUBJECT_TYPES = List.of(SubjectType.values());
    /** Channels a manifest may ask for: every way of telling someone (NONE is the policy's, not a person's). */
    private static final List<ContactChannel> CHANNELS = List.of(ContactChannel.EMAIL, ContactChannel.LETTER,
            ContactChannel.PHONE, ContactChannel.IN_PERSON);

    /**
     * The constant of {@code allowed} that {@code text} names (case, spaces and '-' ignored), the documented
     * default when it is blank, or null when it names none of them.
     */
    private static <E extends Enum<E>> E vocabulary(String text, List<E> allowed, E blank) {
        if (text == null || text.isBlank()) {
            return blank;
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return allowed.stream().filter(e -> e.name().equals(key)).findFirst().orElse(null);
    }

    /** A value outside a closed vocabulary, quoted only when shaped like a misspelt token ({@link RowRejection#quotedToken}). */
    private static String notIn(String field, String text, List<? extends Enum<?>> allowed) {
        return field + " must be one of " + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")) + "; found "
                + RowRejection.quotedToken(text).orElse(RowRejection.NOT_QUOTED);
    }

    /** Echo fields are informative only: trimmed, and blank means not given. */
    private static String echo(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
