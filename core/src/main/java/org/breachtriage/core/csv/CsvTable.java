package org.breachtriage.core.csv;

import java.io.IOException;
import java.util.List;

/**
 * The walk every CSV reader makes (manifests, the staff roster): find the header row, map its
 * columns, then turn each following record into a {@link RawRecord} or a row rejection. Sharing it
 * is what keeps the readers agreeing on blank lines, row numbers and the messages for an empty file,
 * an unreadable header or a damaged record. What a header must hold, and how a row is validated,
 * stays with each reader.
 *
 * @param <C> the reader's column enum
 */
public final class CsvTable<C extends Enum<C> & ColumnSpec> {
    /** Most header cells quoted back when a required column is missing. */
    private static final int MAX_COLUMNS_LISTED = 12;

    /** Builds the reader's own whole-file error (a manifest or roster format exception). */
    @FunctionalInterface
    public interface FormatError {
        RuntimeException create(String message, Throwable cause);
    }

    /** Where rows go: each row counted goes to exactly one of the two methods. */
    public interface RowSink<C extends Enum<C> & ColumnSpec> {
        /**
         * A record the tokenizer could not read whole.
         *
         * @param key what was read of the key column, or null when the record stopped short of it
         */
        void rejectRow(long row, String key, String reason);

        /** A record read whole, to validate. */
        void check(long row, RawRecord<C> raw);
    }

    private final ColumnMatcher<C> columns;
    private final String kind;
    private final FormatError error;

    /**
     * @param kind what the file is, for messages: "manifest" gives "empty manifest: no header row"
     *             and "manifests must be comma-separated"
     */
    public CsvTable(Class<C> type, String kind, FormatError error) {
        this.columns = new ColumnMatcher<>(type);
        this.kind = kind;
        this.error = error;
    }

    /**
     * Reads up to and including the header, the first record that is not a blank line.
     *
     * @throws RuntimeException from the reader's {@link FormatError} when there is no header, it is
     *         damaged, or it names one column twice
     */
    public ColumnMatcher.HeaderLayout<C> readHeader(CsvRecordReader csv) throws IOException {
        String source = csv.source();
        do {
            if (!csv.next()) {
                throw error.create(source + ": empty " + kind + ": no header row", null);
            }
        } while (csv.isBlankLine());
        if (csv.problem() != CsvRecordReader.Problem.NONE) {
            throw error.create(source + ": line " + csv.lineNumber() + ": header row unreadable: "
                    + csv.problem().description(), null);
        }
        try {
            return columns.layout(csv.fields());
        } catch (IllegalArgumentException e) {
            throw error.create(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every record after the header to the end, skipping blank lines, and hands each one on.
     *
     * @param key the column whose value a rejected record is reported under
     * @return the rows handed on, so the caller can check its own accounting
     */
    public long readRows(CsvRecordReader csv, ColumnMatcher.HeaderLayout<C> layout, C key, RowSink<C> sink)
            throws IOException {
        // The header fixes which columns are present and where, so work that out once, not per row.
        C[] all = columns.type().getEnumConstants();
        C[] presentColumns = all.clone();
        int[] presentIndexes = new int[all.length];
        int present = 0;
        for (C column : all) {
            if (layout.has(column)) {
                presentColumns[present] = column;
                presentIndexes[present] = layout.indexOf(column);
                present++;
            }
        }
        int keyIndex = layout.indexOf(key);
        long rows = 0;
        while (csv.next()) {
            if (csv.isBlankLine()) {
                continue;
            }
            rows++;
            if (csv.problem() != CsvRecordReader.Problem.NONE) {
                sink.rejectRow(rows, csv.field(keyIndex),
                        csv.problem().description() + " (record starting on line " + csv.lineNumber() + ")");
                continue;
            }
            RawRecord<C> raw = new RawRecord<>(columns.type());
            for (int i = 0; i < present; i++) {
                raw.setText(presentColumns[i], csv.field(presentIndexes[i]));
            }
            sink.check(rows, raw);
        }
        return rows;
    }

    /**
     * The end of a "the header lacks a column" message: the cells of the header that are column
     * names, and how many others there are (never quoted: see {@link HeaderNames#describeColumns});
     * and, when splitting its cells on another separator gives column names, that hint, since a
     * ';'-separated export otherwise reads as one long column name.
     */
    public String columnsFound(List<String> header) {
        StringBuilder message = new StringBuilder("; columns found: ")
                .append(HeaderNames.describeColumns(header, this::known, MAX_COLUMNS_LISTED));
        String separator = HeaderNames.likelySeparator(header, this::known);
        if (separator != null) {
            message.append("; the header looks ").append(separator)
                    .append("-separated; ").append(kind).append("s must be comma-separated");
        }
        return message.toString();
    }

    private boolean known(String cell) {
        return columns.match(cell.trim()).isPresent();
    }
}
