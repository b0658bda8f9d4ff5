package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.breachtriage.core.report.ProtectedTable.Shown;
import org.breachtriage.core.report.ProtectedTable.Style;
import org.junit.jupiter.api.Test;

/**
 * A follow-up table is protected against the reports before it: no figure other than the grand total
 * may be shown exactly in two reports when it changed by 1–4 between them, since subtracting the two
 * would give that small change away.
 */
class ProtectedTableFollowUpTest {

    @Test
    void aCellThatGrewByTwoIsWithheldAndCannotBeWorkedOutFromItsTotals() {
        long[][] before = {{30, 90}, {60, 20}};
        long[][] after = {{32, 90}, {60, 20}};
        ProtectedTable first = ProtectedTable.protect(before);
        assertEquals(Shown.EXACT, first.cellShown(0, 0));

        ProtectedTable second = ProtectedTable.protect(after, ProtectedTable.latestShown(List.of(first)));

        assertEquals(Shown.CHANGED, second.cellShown(0, 0));
        assertEquals("[c]", second.cell(0, 0, Style.PLAIN));
        assertEquals("202", second.grandTotal(Style.PLAIN), "the people affected stay exact");
        assertTrue(second.columnTotalShown(0) != Shown.EXACT || second.cellShown(1, 0) != Shown.EXACT,
                "otherwise column total − the other cell gives 32 back");
    }

    @Test
    void aFigureThatMovedByFiveOrMoreOrNotAtAllIsShown() {
        ProtectedTable first = ProtectedTable.protect(new long[][] {{30, 90}, {60, 20}});

        ProtectedTable second = ProtectedTable.protect(new long[][] {{30, 97}, {60, 20}},
                ProtectedTable.latestShown(List.of(first)));

        assertEquals("30", second.cell(0, 0, Style.PLAIN));
        assertEquals("97", second.cell(0, 1, Style.PLAIN), "a change of 7 gives no small count away");
    }

    @Test
    void theComparisonIsWithTheLastReportThatShowedTheFigureExactly() {
        ProtectedTable first = ProtectedTable.protect(new long[][] {{30, 90}, {60, 20}});
        ProtectedTable second = ProtectedTable.protect(new long[][] {{32, 90}, {60, 20}},
                ProtectedTable.latestShown(List.of(first)));
        assertEquals(Shown.CHANGED, second.cellShown(0, 0));

        // Still 32: against report 2 it did not change, but report 1 showed 30.
        ProtectedTable third = ProtectedTable.protect(new long[][] {{32, 90}, {60, 20}},
                ProtectedTable.latestShown(List.of(first, second)));

        assertTrue(third.cellShown(0, 0) != Shown.EXACT, "30 in report 1 and 32 in report 3 would give 2 away");
    }

    /** Over generated series of reports: no exact pair of shown figures differs by 1–4. */
    @Test
    void noSeriesOfGeneratedReportsShowsASmallChangeExactly() {
        Random random = new Random(20231201L);
        for (int series = 0; series < 300; series++) {
            int rows = 2 + random.nextInt(4);
            int columns = 2 + random.nextInt(3);
            long[][] cells = new long[rows][columns];
            for (long[] row : cells) {
                for (int c = 0; c < columns; c++) {
                    row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(60);
                }
            }
            List<ProtectedTable> shown = new ArrayList<>();
            List<long[]> exact = new ArrayList<>();
            for (int report = 0; report < 4; report++) {
                ProtectedTable table = ProtectedTable.protect(copy(cells),
                        shown.isEmpty() ? null : ProtectedTable.latestShown(shown));
                long[] now = table.exactlyShown();
                for (long[] earlier : exact) {
                    for (int n = 1; n < now.length; n++) { // the grand total (0) is exempt by design
                        long delta = Math.abs(now[n] - earlier[n]);
                        assertTrue(now[n] < 0 || earlier[n] < 0 || delta == 0 || delta >= 5,
                                "series " + series + ", report " + report + ", figure " + n + ": shown as " + earlier[n]
                                        + " then " + now[n]);
                    }
                }
                shown.add(table);
                exact.add(now);
                grow(cells, random);
            }
        }
    }

    private static void grow(long[][] cells, Random random) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int r = random.nextInt(cells.length);
            int c = random.nextInt(cells[0].length);
            cells[r][c] = Math.max(0, cells[r][c] + random.nextInt(9) - 2);
        }
    }

    private static long[][] copy(long[][] cells) {
        long[][] copy = new long[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i].clone();
        }
        return copy;
    }
}
