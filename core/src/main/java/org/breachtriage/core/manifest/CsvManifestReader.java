package org.breachtriage.core.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.breachtriage.core.csv.ColumnMatcher;
import org.breachtriage.core.csv.CsvRecordReader;
import org.breachtriage.core.csv.CsvTable;
import org.breachtriage.core.csv.MalformedTextException;

/**
 * Comma-separated manifests with a header row. Headers are matched case-insensitively ignoring
 * spaces, '_' and '-'; unknown columns are ignored; rows shorter or longer than the header are
 * read as far as they go (a missing pay number is then a rejection, not a crash).
 */
final class CsvManifestReader implements ManifestReader {
    private static final CsvTable<ManifestColumn> TABLE =
            new CsvTable<>(ManifestColumn.class, "manifest", ManifestFormatException::new);

    @Override
    public ReadSummary read(String source, InputStream in, ManifestVisitor visitor) throws IOException {
        CountingVisitor out = new CountingVisitor(visitor);
        RowChecker checker = new RowChecker(out);
        CsvRecordReader csv = CsvRecordReader.utf8(in, source);
        try {
            ColumnMatcher.HeaderLayout<ManifestColumn> layout = TABLE.readHeader(csv);
            // A manifest of people outside the workforce is keyed by subject_ref and needs no pay number;
            // one with neither column cannot name anybody.
            boolean payNumbers = layout.has(ManifestColumn.PAY_NUMBER);
            if (!payNumbers && !layout.has(ManifestColumn.SUBJECT_REF)) {
                throw new ManifestFormatException(noPayNumberColumn(source, layout.header()));
            }
            long rows = TABLE.readRows(csv, layout, payNumbers ? ManifestColumn.PAY_NUMBER : ManifestColumn.SUBJECT_REF,
                    checker);
            return out.summary(rows);
        } catch (MalformedTextException e) {
            throw new ManifestFormatException(e.getMessage(), e);
        }
    }

    static String noPayNumberColumn(String source, List<String> header) {
        return source + ": no pay-number column in the header; expected one of "
                + String.join(", ", PayNumbers.columnNames())
                + TABLE.columnsFound(header);
    }
}
