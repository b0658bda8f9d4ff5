package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.report.ProtectedTable.Shown;
import org.breachtriage.core.report.ProtectedTable.Style;
import org.junit.jupiter.api.Test;

/**
 * Small cells, as properties over generated incidents (issue 10, part 6): an initial report and its
 * follow-ups, each published as the Federation summary publishes it ({@link CaseFigures}), read by a
 * reader who knows the algorithm, down to which kind each withheld figure is.
 *
 * <p>The reader here is independent of {@link ProtectedTable}'s own audit: it enumerates, with bit
 * sets, every table consistent with what was shown (column by column, then across columns for the
 * grand total), rather than propagating interval bounds, and it also adds rows up. From each report,
 * and from every pair of reports, it must not be able to derive:
 * <ul>
 *   <li>a cell, band total or row (staff type) total of 1–4;</li>
 *   <li>any figure of a group whose total is 1–4, zeros included (except where the other group is
 *       empty for everyone: a band nobody is in says nothing about a staff type);</li>
 *   <li>a change of 1–4 in a cell, band total or row total between any two reports. The number of
 *       people affected is exempt by design: it is given exactly from 5 up in every report.</li>
 * </ul>
 * And the message attributes must be a function of the body: two summaries with the same figures
 * carry the same {@code severity}.
 */
class SmallCellsPropertyTest {
    private static final int INCIDENTS = 400;
    private static final int ROWS = CaseFigures.STAFF_ROWS.size();
    private static final int COLUMNS = CaseFigures.BANDS_BY_SEVERITY.size();

    @Test
    void noSmallCountCanBeDerivedFromAnyReportOrPairOfReports() {
        Random random = new Random(20_231_001L);
        int reports = 0;
        int pairs = 0;
        int withheld = 0;
        for (int i = 0; i < INCIDENTS; i++) {
            long seed = random.nextLong();
            List<long[][]> series = incident(new Random(seed));
            List<Knowledge> read = new ArrayList<>();
            for (int k = 0; k < series.size(); k++) {
                ProtectedTable table = CaseFigures.of(subject(series, k)).table;
                Knowledge now = new Knowledge(table, series.get(k));
                String where = "incident seed " + seed + ", report " + (k + 1) + " of " + series.size() + ": ";
                now.assertNothingSmallPinned(where);
                for (int j = 0; j < read.size(); j++) {
                    now.assertNoSmallChangeSince(read.get(j), where + "against report " + (j + 1) + ": ");
                    pairs++;
                }
                withheld += table.anyWithheld() ? 1 : 0;
                read.add(now);
                reports++;
            }
        }
        assertTrue(withheld > reports / 10, "the generator exercises withholding: " + withheld + " of " + reports);
        System.out.printf("SmallCellsPropertyTest: %d incidents, %d reports (%d pairs of reports) read, %d with a"
                + " figure withheld; no small count derivable%n", INCIDENTS, reports, pairs, withheld);
    }

    @Test
    void theSeverityAttributeSaysNoMoreThanTheBody() {
        Random random = new Random(20_231_002L);
        Map<String, String> severityByBody = new HashMap<>();
        int collisions = 0;
        for (int i = 0; i < INCIDENTS; i++) {
            List<long[][]> series = incident(new Random(random.nextLong()));
            for (int k = 0; k < series.size(); k++) {
                FederationSummary summary = FederationSummaries.from(subject(series, k),
                        ReportFixtures.context(Instant.parse("2023-08-25T09:00:00Z")));
                String body = summary.peopleAffected() + summary.byBand() + summary.byStaffTypeAndBand()
                        + (summary.sinceLastReport() == null ? "" : summary.sinceLastReport().byBandBefore());
                String severity = FederationSummaries.toMessage(summary).attributes().get("severity");
                String earlier = severityByBody.putIfAbsent(body, severity);
                if (earlier != null) {
                    collisions++;
                    assertEquals(earlier, severity, "two summaries with the same figures: " + body);
                }
            }
        }
        assertTrue(collisions > 20, "different incidents with the same published figures: " + collisions);
    }

    @Test
    void aOnePersonBreachTellsTheFederationNothingOfThatPersonsBand() {
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                long[][] cells = new long[ROWS][COLUMNS];
                cells[row][column] = 1;
                FederationSummary summary = FederationSummaries.from(subject(List.<long[][]>of(cells), 0),
                        ReportFixtures.context(Instant.parse("2023-08-25T09:00:00Z")));
                assertEquals("<5", summary.peopleAffected());
                summary.byBand().values().forEach(v -> assertEquals(ProtectedTable.WITHHELD, v, summary.byBand().toString()));
                summary.byStaffTypeAndBand().values().forEach(bands -> bands.values()
                        .forEach(v -> assertEquals(ProtectedTable.WITHHELD, v, summary.byStaffTypeAndBand().toString())));
                assertEquals(FederationSummaries.WITHHELD, FederationSummaries.toMessage(summary).attributes().get("severity"));
            }
        }
    }

    @Test
    void theOnlyContractorBeingTheOnlyVeryHighPersonLeavesTheContractorRowUnreadable() {
        long[][] cells = {
                {0, 90, 700, 1000},  // OFFICER
                {0, 20, 150, 400},   // STAFF
                {0, 12, 10, 40},     // SPECIAL
                {0, 6, 8, 20},       // PCSO
                {1, 0, 0, 0},        // CONTRACTOR: the one VERY_HIGH person
                {0, 7, 10, 20},      // UNKNOWN
        };
        FederationSummary summary = FederationSummaries.from(subject(List.<long[][]>of(cells), 0),
                ReportFixtures.context(Instant.parse("2023-08-25T09:00:00Z")));

        Map<String, String> contractors = summary.byStaffTypeAndBand().get(StaffType.CONTRACTOR.name());
        contractors.values().forEach(v -> assertEquals(ProtectedTable.WITHHELD, v, "zeros included: " + contractors));
        new Knowledge(CaseFigures.of(subject(List.<long[][]>of(cells), 0)).table, cells).assertNothingSmallPinned("the contractor: ");
    }

    /**
     * The audit's own bounds, figure by figure and row by row, are exactly what the enumerating reader
     * finds: not looser (it would let a pin through), not tighter (it would withhold for nothing).
     */
    @Test
    void theAuditsRangesAreExactlyTheReadersRanges() {
        Random random = new Random(20_231_003L);
        int rowsCompared = 0;
        for (int i = 0; i < INCIDENTS / 2; i++) {
            List<long[][]> series = incident(new Random(random.nextLong()));
            for (int k = 0; k < series.size(); k++) {
                ProtectedTable table = CaseFigures.of(subject(series, k)).table;
                Knowledge reader = new Knowledge(table, series.get(k));
                long[][] ranges = table.possibleRanges();
                for (int c = 0; c < COLUMNS; c++) {
                    assertEquals(bounds(reader.columns[c]), List.of(ranges[1 + c][0], ranges[1 + c][1]), "band total " + c);
                    for (int r = 0; r < ROWS; r++) {
                        long[] cell = ranges[1 + COLUMNS + r * COLUMNS + c];
                        assertEquals(bounds(reader.cells[r][c]), List.of(cell[0], cell[1]), "cell " + r + "," + c);
                    }
                }
                for (int r = 0; r < ROWS; r++) {
                    long[] row = table.rowRange(r);
                    assertEquals(bounds(reader.rows[r]), List.of(row[0], row[1]), "row " + r + " of " + table);
                    rowsCompared++;
                }
            }
        }
        assertTrue(rowsCompared > 1000, "rows compared: " + rowsCompared);
    }

    private static List<Long> bounds(BitSet possible) {
        return List.of((long) possible.nextSetBit(0), (long) possible.length() - 1);
    }

    // --- generated incidents ---------------------------------------------------------------------

    /** One to four reports of one incident: people join, some move up a band, a few drop out (superseded). */
    private static List<long[][]> incident(Random random) {
        long[][] cells = new long[ROWS][COLUMNS];
        int shape = random.nextInt(4);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                cells[r][c] = switch (shape) {
                    case 0 -> 0;                                                   // tiny: placed below
                    case 1 -> random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 0;  // sparse and small
                    case 2 -> random.nextInt(4) == 0 ? 5 + random.nextInt(20) : random.nextInt(3); // a few big cells
                    default -> random.nextInt(7);
                };
            }
        }
        if (shape == 0) {
            for (int p = 1 + random.nextInt(6); p > 0; p--) {
                cells[random.nextInt(ROWS)][random.nextInt(COLUMNS)]++;
            }
        }
        List<long[][]> series = new ArrayList<>(List.<long[][]>of(copy(cells)));
        for (int k = random.nextInt(4); k > 0; k--) {
            for (int joined = random.nextInt(7); joined > 0; joined--) {
                cells[random.nextInt(ROWS)][random.nextInt(COLUMNS)]++;
            }
            for (int moved = random.nextInt(6); moved > 0; moved--) {
                int r = random.nextInt(ROWS);
                int c = 1 + random.nextInt(COLUMNS - 1);
                if (cells[r][c] > 0) {
                    cells[r][c]--;
                    cells[r][c - 1]++; // one band more severe: bands are never lowered
                }
            }
            if (random.nextInt(4) == 0) {
                int r = random.nextInt(ROWS);
                int c = random.nextInt(COLUMNS);
                cells[r][c] = Math.max(0, cells[r][c] - 1 - random.nextInt(3)); // no longer listed
            }
            series.add(copy(cells));
        }
        return series;
    }

    /** Report {@code k} of a series, with the figures of the reports before it, as ReportService builds it. */
    private static ReportSubject subject(List<long[][]> series, int k) {
        List<Map<String, Long>> earlier = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            earlier.add(counters(series.get(j)));
        }
        return new ReportSubject("IN-00000000000000ab", "BT-ab12", CaseStatus.REPORTED, ReportFixtures.incident("Acme"),
                Regime.UK_GDPR, true, "risk", ReportFixtures.DEADLINE, counters(series.get(k)), k + 1, earlier, null);
    }

    private static Map<String, Long> counters(long[][] cells) {
        Map<String, Long> counters = new HashMap<>();
        long people = 0;
        for (int r = 0; r < ROWS; r++) {
            StaffType type = r < StaffType.values().length ? StaffType.values()[r] : null;
            for (int c = 0; c < COLUMNS; c++) {
                Band band = CaseFigures.BANDS_BY_SEVERITY.get(c);
                counters.put(Counters.staffTypeBand(type, band), cells[r][c]);
                counters.merge(Counters.band(band), cells[r][c], Long::sum);
                people += cells[r][c];
            }
        }
        counters.put(Counters.PERSONS_TOTAL, people);
        return counters;
    }

    private static long[][] copy(long[][] cells) {
        long[][] copy = new long[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            copy[r] = cells[r].clone();
        }
        return copy;
    }

    // --- the reader --------------------------------------------------------------------------------

    /**
     * Everything a reader can know from one published table: for each figure and each row sum, the set
     * of values consistent with all that is shown. Built by enumeration over bit sets, sized by the
     * largest total the grand total allows.
     */
    private static final class Knowledge {
        private final long[][] truth;
        private final long[] columnTruth = new long[COLUMNS];
        private final long[] rowTruth = new long[ROWS];
        private final long grandTruth;
        private final BitSet[][] cells = new BitSet[ROWS][COLUMNS];
        private final BitSet[] columns = new BitSet[COLUMNS];
        private final BitSet[] rows = new BitSet[ROWS];

        Knowledge(ProtectedTable table, long[][] truth) {
            this.truth = truth;
            long grand = 0;
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    columnTruth[c] += truth[r][c];
                    rowTruth[r] += truth[r][c];
                    grand += truth[r][c];
                }
            }
            grandTruth = grand;
            BitSet grandDomain = domain(table.grandTotalShown(), table.grandTotal(Style.PLAIN), 4);
            int cap = grandDomain.length() - 1;
            BitSet[][] cellDomain = new BitSet[ROWS][COLUMNS];
            BitSet[] feasibleTotals = new BitSet[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                BitSet sums = only(0);
                for (int r = 0; r < ROWS; r++) {
                    cellDomain[r][c] = domain(table.cellShown(r, c), table.cell(r, c, Style.PLAIN), cap);
                    sums = minkowski(sums, cellDomain[r][c], cap);
                }
                feasibleTotals[c] = domain(table.columnTotalShown(c), table.columnTotal(c, Style.PLAIN), cap);
                feasibleTotals[c].and(sums);
            }
            for (int c = 0; c < COLUMNS; c++) {
                BitSet others = only(0);
                for (int o = 0; o < COLUMNS; o++) {
                    if (o != c) {
                        others = minkowski(others, feasibleTotals[o], cap);
                    }
                }
                columns[c] = new BitSet();
                for (int t = feasibleTotals[c].nextSetBit(0); t >= 0; t = feasibleTotals[c].nextSetBit(t + 1)) {
                    for (int s = others.nextSetBit(0); s >= 0; s = others.nextSetBit(s + 1)) {
                        if (t + s <= cap && grandDomain.get(t + s)) {
                            columns[c].set(t);
                            break;
                        }
                    }
                }
                for (int r = 0; r < ROWS; r++) {
                    cells[r][c] = new BitSet();
                    BitSet rest = restOfColumn(cellDomain, c, r, cap);
                    for (int t = columns[c].nextSetBit(0); t >= 0; t = columns[c].nextSetBit(t + 1)) {
                        for (int x = cellDomain[r][c].nextSetBit(0); x >= 0 && x <= t; x = cellDomain[r][c].nextSetBit(x + 1)) {
                            if (rest.get(t - x)) {
                                cells[r][c].set(x);
                            }
                        }
                    }
                }
            }
            for (int r = 0; r < ROWS; r++) {
                rows[r] = rowSums(r, cellDomain, feasibleTotals, grandDomain, cap);
            }
        }

        /** Row r's possible sums: over columns, the pairs (column total, row's cell) that fit, then the grand total. */
        private static BitSet rowSums(int r, BitSet[][] cellDomain, BitSet[] totals, BitSet grand, int cap) {
            Map<Integer, BitSet> bySumOfTotals = new HashMap<>(Map.of(0, only(0)));
            for (int c = 0; c < COLUMNS; c++) {
                BitSet rest = restOfColumn(cellDomain, c, r, cap);
                Map<Integer, BitSet> next = new HashMap<>();
                for (Map.Entry<Integer, BitSet> state : bySumOfTotals.entrySet()) {
                    for (int t = totals[c].nextSetBit(0); t >= 0 && state.getKey() + t <= cap; t = totals[c].nextSetBit(t + 1)) {
                        BitSet xs = new BitSet();
                        for (int x = cellDomain[r][c].nextSetBit(0); x >= 0 && x <= t; x = cellDomain[r][c].nextSetBit(x + 1)) {
                            if (rest.get(t - x)) {
                                xs.set(x);
                            }
                        }
                        if (!xs.isEmpty()) {
                            next.computeIfAbsent(state.getKey() + t, k -> new BitSet()).or(minkowski(state.getValue(), xs, cap));
                        }
                    }
                }
                bySumOfTotals = next;
            }
            BitSet sums = new BitSet();
            bySumOfTotals.forEach((total, xs) -> {
                if (grand.get(total)) {
                    sums.or(xs);
                }
            });
            return sums;
        }

        private static BitSet restOfColumn(BitSet[][] cellDomain, int c, int exceptRow, int cap) {
            BitSet rest = only(0);
            for (int r = 0; r < ROWS; r++) {
                if (r != exceptRow) {
                    rest = minkowski(rest, cellDomain[r][c], cap);
                }
            }
            return rest;
        }

        void assertNothingSmallPinned(String where) {
            boolean grandSmall = SmallCounts.isSmall(grandTruth);
            for (int c = 0; c < COLUMNS; c++) {
                boolean columnGroup = SmallCounts.isSmall(columnTruth[c]);
                open(columns[c], SmallCounts.isSmall(columnTruth[c]) || grandSmall, where + "band total " + c);
                for (int r = 0; r < ROWS; r++) {
                    boolean inSmallGroup = grandSmall || columnGroup || SmallCounts.isSmall(rowTruth[r]);
                    boolean otherGroupEmpty = columnTruth[c] == 0 || rowTruth[r] == 0;
                    open(cells[r][c], SmallCounts.isSmall(truth[r][c]) || inSmallGroup && !otherGroupEmpty,
                            where + "cell " + r + "," + c + " (" + truth[r][c] + ")");
                }
            }
            for (int r = 0; r < ROWS; r++) {
                open(rows[r], SmallCounts.isSmall(rowTruth[r]), where + "row " + r + " (" + rowTruth[r] + ")");
            }
        }

        void assertNoSmallChangeSince(Knowledge before, String where) {
            for (int c = 0; c < COLUMNS; c++) {
                unchangedOrOpen(before.columns[c], columns[c], before.columnTruth[c], columnTruth[c], where + "band total " + c);
                for (int r = 0; r < ROWS; r++) {
                    unchangedOrOpen(before.cells[r][c], cells[r][c], before.truth[r][c], truth[r][c], where + "cell " + r + "," + c);
                }
            }
            for (int r = 0; r < ROWS; r++) {
                unchangedOrOpen(before.rows[r], rows[r], before.rowTruth[r], rowTruth[r], where + "row " + r);
            }
        }

        private static void open(BitSet possible, boolean mustBeOpen, String what) {
            if (mustBeOpen) {
                assertTrue(possible.cardinality() >= 2, what + " can be derived: only " + possible + " possible");
            }
        }

        private static void unchangedOrOpen(BitSet then, BitSet now, long thenTrue, long nowTrue, String what) {
            long change = Math.abs(nowTrue - thenTrue);
            if (change >= 1 && change < SmallCounts.THRESHOLD) {
                assertTrue(then.cardinality() >= 2 || now.cardinality() >= 2,
                        what + " changed by " + change + " and both reports give it exactly: " + then + " then " + now);
            }
        }

        /** The values a figure shown this way can take, up to {@code cap}. */
        private static BitSet domain(Shown shown, String text, int cap) {
            BitSet values = new BitSet();
            switch (shown) {
                case EXACT -> values.set(Integer.parseInt(text));
                case SMALL -> values.set(1, Math.min(cap, 4) + 1);
                case COMPLEMENT, CHANGED -> values.set(5, cap + 1);
                case BREAKDOWN -> values.set(0, cap + 1);
            }
            return values;
        }

        private static BitSet only(int value) {
            BitSet set = new BitSet();
            set.set(value);
            return set;
        }

        private static BitSet minkowski(BitSet a, BitSet b, int cap) {
            BitSet sum = new BitSet();
            for (int x = a.nextSetBit(0); x >= 0; x = a.nextSetBit(x + 1)) {
                for (int y = b.nextSetBit(0); y >= 0 && x + y <= cap; y = b.nextSetBit(y + 1)) {
                    sum.set(x + y);
                }
            }
            return sum;
        }
    }
}
