package org.breachtriage.core.manifest;

import java.util.Set;
import org.breachtriage.core.csv.CsvTable;
import org.breachtriage.core.csv.RawRecord;
import org.breachtriage.core.model.DataCategory;

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
        String payNumber = raw.text(ManifestColumn.PAY_NUMBER);
        String payProblem = PayNumbers.problem(payNumber);
        if (payProblem != null) {
            out.rejected(new RowRejection(rowNumber, "pay_number", RowRejection.excerpt(payNumber), payProblem));
            return;
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
                PayNumbers.canonical(payNumber),
                exposed,
                echo(raw.text(ManifestColumn.SURNAME)),
                echo(raw.text(ManifestColumn.FORENAME)),
                echo(raw.text(ManifestColumn.RANK)),
                echo(raw.text(ManifestColumn.VETTING_LEVEL))));
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
