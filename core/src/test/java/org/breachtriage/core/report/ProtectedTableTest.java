package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.breachtriage.core.report.ProtectedTable.Shown;
import org.breachtriage.core.report.ProtectedTable.Style;
import org.junit.jupiter.api.Test;

class ProtectedTableTest {

    @Test
    void aTableWithoutSmallCountsIsShownInFull() {
        ProtectedTable table = ProtectedTable.protect(new long[][] {{10, 0}, {7, 300}});
        assertEquals("317", table.grandTotal(Style.PLAIN));
        assertEquals("17", table.columnTotal(0, Style.PLAIN));
        assertEquals("0", table.cell(0, 1, Style.PLAIN));
        assertFalse(table.anySmall());
        assertFalse(table.anyWithheld());
    }

    @Test
    void aLoneSmallCellIsProtectedByWithholdingTheSmallestCellOfFiveOrMore() {
        // Column 0: 110 + 2 + 40 = 152. Without a complement, 152 − 110 − 40 gives the 2 back.
        ProtectedTable table = ProtectedTable.protect(new long[][] {{110, 500}, {2, 600}, {40, 700}});
        assertEquals("<5", table.cell(1, 0, Style.PLAIN));
        assertEquals(Shown.COMPLEMENT, table.cellShown(2, 0));
        assertEquals("[c]", table.cell(2, 0, Style.PLAIN));
        assertEquals("110", table.cell(0, 0, Style.PLAIN));
        assertEquals("152", table.columnTotal(0, Style.PLAIN));
        assertEquals(Shown.EXACT, table.cellShown(0, 1));
        assertNotPinned(table, new long[][] {{110, 500}, {2, 600}, {40, 700}});
    }

    @Test
    void aSmallColumnTotalIsProtectedAgainstTheGrandTotal() {
        // Column 0 totals 3: the grand total minus column 1 would give it back.
        long[][] cells = {{3, 500}, {0, 60}};
        ProtectedTable table = ProtectedTable.protect(cells);
        assertEquals("<5", table.columnTotal(0, Style.PLAIN));
        assertEquals("563", table.grandTotal(Style.PLAIN));
        assertTrue(table.anyWithheld(), "column 1 must lose its exact total");
        assertEquals("[c]", table.columnTotal(1, Style.PLAIN));
        assertNotPinned(table, cells);
    }

    @Test
    void fourCellsOfOneUnderASmallTotalWithholdTheBreakdown() {
        // Four "<5" cells under a "<5" total can only be 1 each: the ranges alone give them away. A
        // column of 4 is a small group, so its breakdown is withheld from the start. The column total
        // (4) would still be 264 − 260: the other column must lose its exact total too, and then "<5"
        // for the small one keeps four values open.
        long[][] cells = {{1, 50}, {1, 60}, {1, 70}, {1, 80}};
        ProtectedTable table = ProtectedTable.protect(cells);
        for (int r = 0; r < 4; r++) {
            assertEquals(Shown.BREAKDOWN, table.cellShown(r, 0), "row " + r);
        }
        assertEquals("<5", table.columnTotal(0, Style.PLAIN));
        assertEquals("[c]", table.columnTotal(1, Style.PLAIN));
        assertEquals("264", table.grandTotal(Style.PLAIN));
        assertNotPinned(table, cells);
    }

    @Test
    void everyTwoByTwoTableOverSmallAndLargeValuesIsSafe() {
        long[] values = {0, 1, 2, 3, 4, 5, 6, 8, 13};
        int checked = 0;
        for (long a : values) {
            for (long b : values) {
                for (long c : values) {
                    for (long d : values) {
                        long[][] cells = {{a, b}, {c, d}};
                        assertNotPinned(ProtectedTable.protect(cells), cells);
                        checked++;
                    }
                }
            }
        }
        assertEquals(values.length * values.length * values.length * values.length, checked);
    }

    @Test
    void randomThreeByThreeTablesAreSafe() {
        Random random = new Random(20230824);
        long[] values = {0, 0, 1, 2, 3, 4, 5, 7};
        for (int i = 0; i < 300; i++) {
            long[][] cells = new long[3][3];
            for (long[] row : cells) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = values[random.nextInt(values.length)];
                }
            }
            assertNotPinned(ProtectedTable.protect(cells), cells);
        }
    }

    @Test
    void theIdCardCaseWithholdsOneComplementPerColumnWithASmallCell() {
        ProtectedTable table = ProtectedTable.protect(ReportFixtures.CELLS);
        assertEquals(Shown.COMPLEMENT, table.cellShown(1, 0), "STAFF VERY_HIGH (6) protects CONTRACTOR's 2");
        assertEquals(Shown.COMPLEMENT, table.cellShown(1, 1), "STAFF HIGH (20) protects SPECIAL's 2");
        assertEquals(Shown.COMPLEMENT, table.cellShown(3, 2), "PCSO MEDIUM (8) protects CONTRACTOR's 1");
        assertEquals("2514", table.grandTotal(Style.PLAIN));
        for (int c = 0; c < 4; c++) {
            assertEquals(Shown.EXACT, table.columnTotalShown(c));
        }
        assertNotPinned(table, ReportFixtures.CELLS);
    }

    // --- an independent audit by enumeration ------------------------------------------------------

    /**
     * Enumerates every table a reader could believe in, given what is shown, and checks that each
     * "<5" figure can take at least two values, that each shown figure is true and that the true
     * table is among the candidates. Domains: exact → itself, "<5" → 1–4, withheld complement → ≥ 5,
     * withheld breakdown → ≥ 0; all bounded by the grand total, which is never withheld.
     */
    static void assertNotPinned(ProtectedTable table, long[][] cells) {
        int rows = cells.length;
        int columns = cells[0].length;
        long trueGrand = 0;
        long[] trueColumns = new long[columns];
        for (long[] row : cells) {
            for (int c = 0; c < columns; c++) {
                trueColumns[c] += row[c];
                trueGrand += row[c];
            }
        }
        long[] grandDomain = domain(table.grandTotalShown(), table.grandTotal(Style.PLAIN), 0, Long.MAX_VALUE);
        checkShownIsTrue(table.grandTotalShown(), table.grandTotal(Style.PLAIN), trueGrand, "grand total");
        long cap = grandDomain[1];

        // The least each column can total, so that one column's enumeration is bounded by what the
        // grand total leaves for it (sound pruning: no candidate table is lost).
        long[] leastTotal = new long[columns];
        for (int c = 0; c < columns; c++) {
            long cellsLeast = 0;
            for (int r = 0; r < rows; r++) {
                cellsLeast += domain(table.cellShown(r, c), table.cell(r, c, Style.PLAIN), 0, cap)[0];
            }
            leastTotal[c] = Math.max(cellsLeast, domain(table.columnTotalShown(c), table.columnTotal(c, Style.PLAIN), 0, cap)[0]);
        }
        long leastAll = java.util.Arrays.stream(leastTotal).sum();

        // Per column: candidate totals, and for each the values each cell can take.
        List<Map<Long, Map<Integer, TreeSet<Long>>>> perColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            checkShownIsTrue(table.columnTotalShown(c), table.columnTotal(c, Style.PLAIN), trueColumns[c], "column " + c);
            long[] totalDomain = domain(table.columnTotalShown(c), table.columnTotal(c, Style.PLAIN), 0, cap);
            long[][] cellDomains = new long[rows][];
            for (int r = 0; r < rows; r++) {
                checkShownIsTrue(table.cellShown(r, c), table.cell(r, c, Style.PLAIN), cells[r][c], "cell " + r + "," + c);
                cellDomains[r] = domain(table.cellShown(r, c), table.cell(r, c, Style.PLAIN), 0, cap);
            }
            Map<Long, Map<Integer, TreeSet<Long>>> byTotal = new HashMap<>();
            Long fixedTotal = totalDomain[0] == totalDomain[1] ? totalDomain[0] : null;
            long columnCap = Math.min(totalDomain[1], cap - (leastAll - leastTotal[c]));
            enumerate(cellDomains, 0, new long[rows], 0, columnCap, fixedTotal, assignment -> {
                long total = 0;
                for (long v : assignment) {
                    total += v;
                }
                if (total < totalDomain[0] || total > totalDomain[1]) {
                    return;
                }
                Map<Integer, TreeSet<Long>> seen = byTotal.computeIfAbsent(total, t -> new HashMap<>());
                for (int r = 0; r < rows; r++) {
                    seen.computeIfAbsent(r, x -> new TreeSet<>()).add(assignment[r]);
                }
            });
            perColumn.add(byTotal);
        }

        // Which column totals fit together under the grand total.
        int limit = (int) Math.min(cap, 10_000);
        List<BitSet> sums = new ArrayList<>();
        for (Map<Long, Map<Integer, TreeSet<Long>>> column : perColumn) {
            BitSet set = new BitSet();
            column.keySet().forEach(t -> set.set(t.intValue()));
            sums.add(set);
        }
        TreeSet<Long> grandValues = new TreeSet<>();
        for (int c = 0; c < columns; c++) {
            BitSet others = new BitSet();
            others.set(0);
            for (int o = 0; o < columns; o++) {
                if (o != c) {
                    others = convolve(others, sums.get(o), limit);
                }
            }
            TreeSet<Long> totals = new TreeSet<>();
            Map<Integer, TreeSet<Long>> cellValues = new HashMap<>();
            for (Map.Entry<Long, Map<Integer, TreeSet<Long>>> entry : perColumn.get(c).entrySet()) {
                long t = entry.getKey();
                boolean fits = false;
                for (int s = others.nextSetBit(0); s >= 0; s = others.nextSetBit(s + 1)) {
                    if (t + s >= grandDomain[0] && t + s <= grandDomain[1]) {
                        fits = true;
                        grandValues.add(t + s);
                    }
                }
                if (fits) {
                    totals.add(t);
                    entry.getValue().forEach((r, vs) -> cellValues.computeIfAbsent(r, x -> new TreeSet<>()).addAll(vs));
                }
            }
            assertTrue(totals.contains(trueColumns[c]), "true total of column " + c + " must be possible");
            if (hidesSmall(table.columnTotalShown(c), trueColumns[c]) && totals.size() < 2) {
                fail("column " + c + " total is pinned to " + totals + " in " + describe(table, cells));
            }
            for (int r = 0; r < rows; r++) {
                TreeSet<Long> possible = cellValues.get(r);
                assertTrue(possible.contains(cells[r][c]), "true value of cell " + r + "," + c + " must be possible");
                if (hidesSmall(table.cellShown(r, c), cells[r][c]) && possible.size() < 2) {
                    fail("cell " + r + "," + c + " is pinned to " + possible + " in " + describe(table, cells));
                }
            }
        }
        if (table.grandTotalShown() == Shown.SMALL && grandValues.size() < 2) {
            fail("grand total is pinned to " + grandValues + " in " + describe(table, cells));
        }
    }

    /** A small true value not shown exactly: "<5", or withheld with a breakdown. */
    private static boolean hidesSmall(Shown shown, long truth) {
        return shown != Shown.EXACT && truth >= 1 && truth <= 4;
    }

    private static long[] domain(Shown shown, String text, long floor, long cap) {
        return switch (shown) {
            case EXACT -> new long[] {Long.parseLong(text), Long.parseLong(text)};
            case SMALL -> new long[] {1, Math.min(4, cap)};
            case COMPLEMENT, CHANGED -> new long[] {5, cap};
            case BREAKDOWN -> new long[] {floor, cap};
        };
    }

    private static void checkShownIsTrue(Shown shown, String text, long truth, String what) {
        switch (shown) {
            case EXACT -> assertEquals(Long.toString(truth), text, what);
            case SMALL -> assertTrue(truth >= 1 && truth <= 4 && text.equals("<5"), what + " = " + truth);
            case COMPLEMENT, CHANGED -> assertTrue(truth >= 5 && text.equals("[c]"), what + " = " + truth);
            case BREAKDOWN -> assertEquals("[c]", text, what);
        }
    }

    private interface Visitor {
        void visit(long[] assignment);
    }

    /**
     * Every assignment of cell values within their domains and the cap. When the column total is
     * known exactly, the last cell is what remains rather than a loop: the enumeration stays small
     * for tables with totals in the thousands.
     */
    private static void enumerate(long[][] domains, int index, long[] current, long sum, long cap, Long fixedTotal,
                                  Visitor visitor) {
        if (index == domains.length) {
            visitor.visit(current);
            return;
        }
        if (fixedTotal != null && index == domains.length - 1) {
            long rest = fixedTotal - sum;
            if (rest >= domains[index][0] && rest <= domains[index][1]) {
                current[index] = rest;
                visitor.visit(current);
            }
            return;
        }
        for (long v = domains[index][0]; v <= domains[index][1] && sum + v <= cap; v++) {
            current[index] = v;
            enumerate(domains, index + 1, current, sum + v, cap, fixedTotal, visitor);
        }
    }

    private static BitSet convolve(BitSet a, BitSet b, int limit) {
        BitSet out = new BitSet();
        for (int i = a.nextSetBit(0); i >= 0; i = a.nextSetBit(i + 1)) {
            for (int j = b.nextSetBit(0); j >= 0 && i + j <= limit; j = b.nextSetBit(j + 1)) {
                out.set(i + j);
            }
        }
        return out;
    }

    private static String describe(ProtectedTable table, long[][] cells) {
        StringBuilder out = new StringBuilder("table ");
        for (int r = 0; r < cells.length; r++) {
            out.append(java.util.Arrays.toString(cells[r])).append(" shown as [");
            for (int c = 0; c < cells[r].length; c++) {
                out.append(c == 0 ? "" : ", ").append(table.cell(r, c, Style.PLAIN));
            }
            out.append("] ");
        }
        out.append("totals [");
        for (int c = 0; c < cells[0].length; c++) {
            out.append(c == 0 ? "" : ", ").append(table.columnTotal(c, Style.PLAIN));
        }
        return out.append("] grand ").append(table.grandTotal(Style.PLAIN)).toString();
    }
}
