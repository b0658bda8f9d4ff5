package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {

    enum Column implements ColumnSpec {
        KEY, NAME, NOTE;

        @Override
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final class TableException extends RuntimeException {
        TableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes down every call, one line each, so a test sees the order and nothing else. */
    static final class Recorder implements CsvTable.RowSink<Column> {
        final List<String> calls = new ArrayList<>();

        @Override
        public void rejectRow(long row, String key, String reason) {
            calls.add(row + " rejected key=" + key + ": " + reason);
        }

        @Override
        public void check(long row, RawRecord<Column> raw) {
            calls.add(row + " key=" + raw.text(Column.KEY) + " name=" + raw.text(Column.NAME)
                    + " note=" + raw.text(Column.NOTE));
        }
    }

    private final CsvTable<Column> table = new CsvTable<>(Column.class, "ledger", TableException::new);

    private static CsvRecordReader csv(String text) {
        return new CsvRecordReader(new StringReader(text), "t.csv", ',');
    }

    private List<String> read(String text) throws IOException {
        CsvRecordReader csv = csv(text);
        ColumnMatcher.HeaderLayout<Column> layout = table.readHeader(csv);
        Recorder recorder = new Recorder();
        long rows = table.readRows(csv, layout, Column.KEY, recorder);
        assertEquals(recorder.calls.size(), rows, "every row counted is handed on exactly once");
        return recorder.calls;
    }

    @Test
    void blankLinesBeforeTheHeaderAndBetweenRowsAreNotRows() throws IOException {
        assertEquals(List.of("1 key=a name=Ann note=null", "2 key=b name=Bo note=null"),
                read("\n  \nName,Key,Unknown\n\nAnn,a,x\n \t\nBo,b,y\n"));
    }

    @Test
    void shortRowsLeaveTheirMissingColumnsUnset() throws IOException {
        assertEquals(List.of("1 key=a name=null note=null", "2 key=b name= note=n"), read("key,name,note\na\nb,,n\n"));
    }

    @Test
    void aDamagedRecordIsRejectedUnderWhatWasReadOfItsKey() throws IOException {
        assertEquals(List.of("1 key=a name=Ann note=null",
                        "2 rejected key=b: " + CsvRecordReader.Problem.UNTERMINATED_QUOTE.description()
                                + " (record starting on line 3)"),
                read("key,name\na,Ann\nb,\"open\nstill open\n"));
    }

    @Test
    void aRejectedRecordThatStopsBeforeItsKeyHasNoKey() throws IOException {
        assertEquals(List.of("1 rejected key=null: " + CsvRecordReader.Problem.UNTERMINATED_QUOTE.description()
                + " (record starting on line 2)"), read("name,key\n\"open\n"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "\n \r\n\t\n"})
    void noHeaderIsTheReadersOwnError(String text) {
        TableException e = assertThrows(TableException.class, () -> table.readHeader(csv(text)));
        assertEquals("t.csv: empty ledger: no header row", e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void anUnreadableHeaderNamesItsLine() {
        TableException e = assertThrows(TableException.class, () -> table.readHeader(csv("\nkey,\"name\n")));
        assertEquals("t.csv: line 2: header row unreadable: "
                + CsvRecordReader.Problem.UNTERMINATED_QUOTE.description(), e.getMessage());
    }

    @Test
    void aColumnGivenTwiceKeepsTheMatchersReasonAsTheCause() {
        TableException e = assertThrows(TableException.class, () -> table.readHeader(csv("key,KEY\n")));
        assertTrue(e.getMessage().startsWith("t.csv: the header has more than one key column"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void theHeaderLayoutKeepsTheHeaderAsWritten() throws IOException {
        ColumnMatcher.HeaderLayout<Column> layout = table.readHeader(csv(" Key ,other\n"));
        assertEquals(List.of(" Key ", "other"), layout.header());
        assertEquals(0, layout.indexOf(Column.KEY));
        assertFalse(layout.has(Column.NAME));
    }

    @Test
    void columnsFoundListsTheCellsAndNamesTheKindInTheSeparatorHint() {
        assertEquals("; columns found: 'Key', 'note', and 2 other cells (not quoted: a cell that is no column name may hold data)",
                table.columnsFound(List.of("Key", "a", "note", "b")));
        assertEquals("; columns found: no column name among its 1 cell (not quoted: the first row may be data; is the header"
                + " row missing?); the header looks ';'-separated; ledgers must be comma-separated",
                table.columnsFound(List.of("key;name")));
        List<String> wide = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            wide.add(i % 2 == 0 ? "key" : "note");
        }
        assertTrue(table.columnsFound(wide).endsWith("'note' and 2 more"), table.columnsFound(wide));
    }
}
