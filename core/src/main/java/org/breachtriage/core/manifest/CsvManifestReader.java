package org.breachtriage.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.breachtriage.core.csv.ColumnMatcher;
import org.breachtriage.core.csv.CsvRecordReader;
import org.breachtriage.core.csv.HeaderNames;
import org.breachtriage.core.csv.MalformedTextException;
import org.breachtriage.core.csv.RawRecord;

/**
 * Comma-separated manifests with a header row. Headers are matched case-insensitively ignoring
 * spaces, '_' and '-'; unknown columns are ignored; rows shorter or longer than the header are
 * read as far as they go (a missing pay number is then a rejection, not a crash).
 */
final class CsvManifestReader implements ManifestReader {
    private static final int MAX_COLUMNS_LISTED = 12;
    private static final ColumnMatcher<ManifestColumn> COLUMNS = new ColumnMatcher<>(ManifestColumn.class);

    @Override
    public ReadSummary read(String source, InputStream in, ManifestVisitor visitor) throws IOException {
        CountingVisitor out = new CountingVisitor(visitor);
        RowChecker checker = new RowChecker(out);
        CsvRecordReader csv = CsvRecordReader.utf8(in, source);
        try {
            ColumnMatcher.HeaderLayout<ManifestColumn> layout = readHeader(source, csv);
            int payIndex = layout.indexOf(ManifestColumn.PAY_NUMBER);
            long rows = 0;
            while (csv.next()) {
                if (csv.isBlankLine()) {
                    continue;
                }
                rows++;
                if (csv.problem() != CsvRecordReader.Problem.NONE) {
                    out.rejectRow(rows, csv.field(payIndex),
                            csv.problem().description() + " (record starting on line " + csv.lineNumber() + ")");
                    continue;
                }
                RawRecord<ManifestColumn> raw = new RawRecord<>(ManifestColumn.class);
                for (ManifestColumn column : ManifestColumn.values()) {
                    if (layout.has(column)) {
                        raw.setText(column, csv.field(layout.indexOf(column)));
                    }
                }
                checker.check(rows, raw);
            }
            return out.summary(rows);
        } catch (MalformedTextException e) {
            throw new ManifestFormatException(e.getMessage(), e);
        }
    }

    private static ColumnMatcher.HeaderLayout<ManifestColumn> readHeader(String source, CsvRecordReader csv)
            throws IOException {
        do {
            if (!csv.next()) {
                throw new ManifestFormatException(source + ": empty manifest: no header row");
            }
        } while (csv.isBlankLine());
        if (csv.problem() != CsvRecordReader.Problem.NONE) {
            throw new ManifestFormatException(source + ": line " + csv.lineNumber() + ": header row unreadable: "
                    + csv.problem().description());
        }
        List<String> header = csv.fields();
        ColumnMatcher.HeaderLayout<ManifestColumn> layout;
        try {
            layout = COLUMNS.layout(header);
        } catch (IllegalArgumentException e) {
            throw new ManifestFormatException(source + ": " + e.getMessage(), e);
        }
        if (!layout.has(ManifestColumn.PAY_NUMBER)) {
            throw new ManifestFormatException(noPayNumberColumn(source, header));
        }
        return layout;
    }

    static String noPayNumberColumn(String source, List<String> header) {
        StringBuilder message = new StringBuilder(source)
                .append(": no pay-number column in the header; expected one of ")
                .append(String.join(", ", PayNumbers.columnNames()))
                .append("; columns found: ")
                .append(HeaderNames.describeColumns(header, MAX_COLUMNS_LISTED, RowRejection.MAX_VALUE_CHARS));
        String separator = HeaderNames.likelySeparator(header);
        if (separator != null) {
            message.append("; the header looks ").append(separator)
                    .append("-separated; manifests must be comma-separated");
        }
        return message.toString();
    }
}
