package org.breachtriage.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rows × columns table of counts with its column totals and grand total, prepared for showing
 * outside the force: small counts are suppressed ("<5") and, where a small count could be worked
 * out from the other figures, more figures are withheld ("[c]") until it cannot.
 *
 * <h2>Why more than "&lt;5"</h2>
 * Column totals and the grand total are shown. If a column has one "&lt;5" cell and all the others
 * are shown, its total minus the others gives the small count back. The same holds one level up:
 * grand total minus the shown column totals. This is the classic primary + secondary ("complementary")
 * cell suppression of official statistics.
 *
 * <h2>What a reader can know, and what we guarantee</h2>
 * We assume the reader knows this algorithm, so the audit models the reader's knowledge of each
 * figure exactly: a shown figure is its value; "&lt;5" is 1–4; a figure withheld as a complement is
 * ≥ 5 (complements are always chosen among figures ≥ 5); a figure withheld as part of a whole withheld
 * breakdown is ≥ 0. With all sums known, the set of values a figure can take is an interval, and
 * because the sums form a tree (grand total → column totals → cells) the interval can be computed
 * exactly by propagating bounds up and down the tree. The guarantee: for every figure that is 1–4
 * and not shown exactly ("&lt;5", or withheld), at least two values remain possible, i.e. no small
 * count can be derived exactly. A narrowed range (e.g. "1 or 2") is accepted.
 *
 * <h2>How figures are chosen</h2>
 * Greedy: while some small figure is pinned, withhold the visible figure (≥ 5) that un-pins the most,
 * preferring cells to totals and small values to large ones (least information lost). Withholding a
 * column total also withholds that column's smallest visible cell ≥ 5, since a total whose cells are
 * all shown is not hidden at all. If no single step helps (e.g. four cells of 1 whose total is "&lt;5":
 * the ranges alone pin each cell to 1), the whole breakdown is withheld: the column's cells, or for
 * the grand total every column total and cell. Withholding only ever widens what the reader knows is
 * possible, so the number of pinned figures never grows and the loop ends. The grand total is never
 * withheld as a complement: it is the one figure everyone needs.
 *
 * <h2>Follow-up reports</h2>
 * A reader who has an earlier report can subtract: a cell shown as 12 then 14 says 2 people joined
 * it. So when a table is protected {@linkplain #protect(long[][], List) against what earlier reports
 * let a reader know}, a figure 1–4 away from a value some earlier report gave exactly is withheld too
 * ({@link Shown#CHANGED}), and it joins the audit: no figure may be pinned to one value other than
 * the ones known before, from this table's sums. Such a figure is always ≥ 5 (1–4 are never shown
 * exactly), so to a reader it looks like any other complement. The grand total is exempt: the number
 * of people affected is given exactly from 5 up, in every report.
 *
 * <h2>Small groups, zeros included</h2>
 * A row (a staff type) or a column (a band) whose total is 1–4 is a small group: showing its breakdown
 * says how its few members split, and its zeros say it as loudly as its counts (a contractor row of
 * "VERY_HIGH &lt;5" and 0 elsewhere says every affected contractor is VERY_HIGH). So every cell of a
 * small group is withheld, zeros included ({@link Shown#BREAKDOWN}), and the audit keeps each of them
 * open (two values possible), not only the small ones, unless its other group is empty for everyone
 * (a band nobody is in says nothing about contractors). When the grand total itself is 1–4, the band
 * totals and every cell are withheld: a one-person breach gives nobody's band away.
 *
 * <h2>Rows, and every pair of reports</h2>
 * Row totals are not shown, but a reader can add a row up, so the audit also bounds each row's sum,
 * exactly (see {@link #rowRange}), and a row total of 1–4 must keep two values too. Across reports,
 * a figure or row sum a reader could know exactly in <em>any</em> earlier report (shown, or derived)
 * counts, not only the latest: 10, then 20, then 13 gives "3 more than in the first report" away.
 */
public final class ProtectedTable {

    /** How a figure is shown. */
    public enum Shown {
        /** The value itself. */
        EXACT,
        /** 1–4, shown as "<5". */
        SMALL,
        /** ≥ 5, withheld so that a small figure in the same sum cannot be derived. */
        COMPLEMENT,
        /** Any value including 0, withheld because the whole breakdown had to be. */
        BREAKDOWN,
        /** ≥ 5, withheld because it changed by 1–4 since an earlier report showed it exactly. */
        CHANGED
    }

    /** How an exact figure is written. */
    public enum Style {
        /** "2514": JSON. */
        PLAIN,
        /** "2,514": text and HTML. */
        GROUPED,
        /** "about 2,500": the ICO draft, which asks for approximate numbers. */
        APPROXIMATE
    }

    /** What a withheld figure shows. */
    public static final String WITHHELD = "[c]";

    private static final long INFINITY = Long.MAX_VALUE / 8;
    private static final int GRAND = 0;

    private final int rows;
    private final int columns;
    /** Node values: 0 = grand total, 1..columns = column totals, then the cells row by row. */
    private final long[] values;
    private final Shown[] shown;
    /** Row sums (not shown, but a reader can add a row up). */
    private final long[] rowValues;
    /**
     * Per earlier report, per figure then per row (see {@link #exactlyShown}), the value a reader knew
     * exactly from it, or -1.
     */
    private final List<long[]> known;
    /** Figures that must keep two possible values because their group is small (zeros included). */
    private final boolean[] groupProtected;

    private ProtectedTable(int rows, int columns, long[] values, long[] rowValues, Shown[] shown, List<long[]> known) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.rowValues = rowValues;
        this.shown = shown;
        this.known = known;
        this.groupProtected = new boolean[values.length];
    }

    /** Suppresses and protects {@code cells[row][column]}; totals are computed from the cells. */
    public static ProtectedTable protect(long[][] cells) {
        return protect(cells, List.<long[]>of());
    }

    /**
     * As {@link #protect(long[][])}, for a table that follows earlier published ones of the same shape.
     *
     * @param shownBefore per figure (in {@link #exactlyShown} order), the value the latest earlier report
     *                    that showed it exactly showed, or -1; null when there is no earlier report
     */
    public static ProtectedTable protect(long[][] cells, long[] shownBefore) {
        return protect(cells, shownBefore == null ? List.<long[]>of() : List.of(shownBefore));
    }

    /**
     * As {@link #protect(long[][])}, against every earlier published table of the same shape.
     *
     * @param earlier each earlier report's {@link #exactlyShown}, oldest first (empty for the first report)
     */
    public static ProtectedTable protect(long[][] cells, List<long[]> earlier) {
        int rows = cells.length;
        if (rows == 0 || cells[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int columns = cells[0].length;
        long[] values = new long[1 + columns + rows * columns];
        long[] rowValues = new long[rows];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + cells[r].length + " columns, expected " + columns);
            }
            for (int c = 0; c < columns; c++) {
                long v = cells[r][c];
                if (v < 0) {
                    throw new IllegalArgumentException("cell [" + r + "][" + c + "] is negative: " + v);
                }
                values[1 + columns + r * columns + c] = v;
                values[1 + c] = Math.addExact(values[1 + c], v);
                rowValues[r] = Math.addExact(rowValues[r], v);
                values[GRAND] = Math.addExact(values[GRAND], v);
            }
        }
        List<long[]> known = new ArrayList<>();
        for (long[] report : earlier) {
            if (report.length != values.length + rows) {
                throw new IllegalArgumentException("earlier figures have " + report.length + " entries, this table "
                        + (values.length + rows) + ": not the same shape");
            }
            known.add(report.clone());
        }
        ProtectedTable table = new ProtectedTable(rows, columns, values, rowValues, new Shown[values.length], known);
        table.suppress();
        return table;
    }

    /**
     * Per figure (grand total, column totals, then cells row by row), then per row sum, the value a
     * reader knows exactly from this table (shown, or derived from what is shown), or -1 where they
     * do not; pass every earlier report's to {@link #protect(long[][], List)} to protect the next.
     */
    public long[] exactlyShown() {
        long[][] range = possibleRanges(shown);
        long[] exact = new long[values.length + rows];
        for (int n = 0; n < values.length; n++) {
            exact[n] = shown[n] == Shown.EXACT || range[n][0] == range[n][1] ? values[n] : -1;
        }
        for (int r = 0; r < rows; r++) {
            long[] sum = rowRange(r, shown);
            exact[values.length + r] = sum[0] == sum[1] ? rowValues[r] : -1;
        }
        return exact;
    }

    /** What a reader of all these reports, oldest first, last saw exactly for each figure (-1: never). */
    public static long[] latestShown(List<ProtectedTable> reports) {
        long[] latest = null;
        for (ProtectedTable report : reports) {
            long[] exact = report.exactlyShown();
            if (latest == null) {
                latest = exact;
            } else {
                for (int n = 0; n < exact.length; n++) {
                    if (exact[n] >= 0) {
                        latest[n] = exact[n];
                    }
                }
            }
        }
        return latest;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public String cell(int row, int column, Style style) {
        int node = cellNode(row, column);
        return format(values[node], shown[node], style);
    }

    public String columnTotal(int column, Style style) {
        int node = 1 + checkColumn(column);
        return format(values[node], shown[node], style);
    }

    public String grandTotal(Style style) {
        return format(values[GRAND], shown[GRAND], style);
    }

    public Shown cellShown(int row, int column) {
        return shown[cellNode(row, column)];
    }

    public Shown columnTotalShown(int column) {
        return shown[1 + checkColumn(column)];
    }

    public Shown grandTotalShown() {
        return shown[GRAND];
    }

    /** True when some figure is withheld, so the legend for {@link #WITHHELD} is needed. */
    public boolean anyWithheld() {
        return Arrays.stream(shown).anyMatch(s -> s == Shown.COMPLEMENT || s == Shown.BREAKDOWN || s == Shown.CHANGED);
    }

    /** True when some figure is shown as "<5". */
    public boolean anySmall() {
        return Arrays.stream(shown).anyMatch(s -> s == Shown.SMALL);
    }

    /** The true column total, for internal decisions only; never show it without its {@link Shown}. */
    long columnTotalValue(int column) {
        return values[1 + checkColumn(column)];
    }

    static String format(long value, Shown how, Style style) {
        return switch (how) {
            case SMALL -> SmallCounts.SMALL;
            case COMPLEMENT, BREAKDOWN, CHANGED -> WITHHELD;
            case EXACT -> switch (style) {
                case PLAIN -> SmallCounts.show(value);
                case GROUPED -> SmallCounts.showGrouped(value);
                case APPROXIMATE -> SmallCounts.approximate(value);
            };
        };
    }

    // --- suppression -----------------------------------------------------------------------------

    private void suppress() {
        for (int n = 0; n < values.length; n++) {
            shown[n] = SmallCounts.isSmall(values[n]) ? Shown.SMALL : changedSlightly(n) ? Shown.CHANGED : Shown.EXACT;
        }
        withholdSmallGroups();
        int pinned = pinnedCount(shown);
        while (pinned > 0) {
            Shown[] best = bestComplement(pinned);
            if (best == null) {
                best = withholdBreakdown(firstPinned(shown));
                if (Arrays.equals(best, shown)) {
                    best = withholdBreakdown(GRAND);
                }
                if (Arrays.equals(best, shown)) {
                    throw new IllegalStateException("every figure but the grand total is withheld and a small count"
                            + " is still pinned");
                }
            }
            System.arraycopy(best, 0, shown, 0, shown.length);
            int now = pinnedCount(shown);
            if (now > pinned) {
                throw new IllegalStateException("withholding more figures pinned more small counts: " + pinned + " → " + now);
            }
            pinned = now;
        }
    }

    /**
     * A group whose total is 1–4 shows nothing of how it splits: every cell of a small row or column,
     * and for a small grand total every band total too, is withheld, zeros included. Each must then
     * stay open, unless its other group is empty for everyone (nothing to learn from a band nobody is in).
     */
    private void withholdSmallGroups() {
        boolean grandSmall = SmallCounts.isSmall(values[GRAND]);
        for (int c = 0; c < columns; c++) {
            if (grandSmall) {
                shown[1 + c] = Shown.BREAKDOWN;
                groupProtected[1 + c] = true;
            }
            for (int r = 0; r < rows; r++) {
                if (grandSmall || SmallCounts.isSmall(values[1 + c]) || SmallCounts.isSmall(rowValues[r])) {
                    int cell = cellNode(r, c);
                    shown[cell] = Shown.BREAKDOWN;
                    groupProtected[cell] = values[1 + c] > 0 && rowValues[r] > 0;
                }
            }
        }
    }

    /** The single move that un-pins the most, or null if none un-pins anything. */
    private Shown[] bestComplement(int pinnedNow) {
        Shown[] best = null;
        long[] bestKey = null;
        for (List<Integer> move : candidateMoves()) {
            Shown[] trial = shown.clone();
            long hiddenValue = 0;
            for (int node : move) {
                trial[node] = Shown.COMPLEMENT;
                hiddenValue += values[node];
            }
            int after = pinnedCount(trial);
            if (after >= pinnedNow) {
                continue;
            }
            int tier = move.getFirst() <= columns ? 1 : 0; // cells before totals
            long[] key = {after, tier, hiddenValue, move.getFirst()};
            if (bestKey == null || Arrays.compare(key, bestKey) < 0) {
                best = trial;
                bestKey = key;
            }
        }
        return best;
    }

    private List<List<Integer>> candidateMoves() {
        List<List<Integer>> moves = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                int node = cellNode(r, c);
                if (eligibleComplement(node)) {
                    moves.add(List.of(node));
                }
            }
            int total = 1 + c;
            if (eligibleComplement(total)) {
                moves.add(List.of(total));
                int smallest = -1;
                for (int r = 0; r < rows; r++) {
                    int node = cellNode(r, c);
                    if (eligibleComplement(node) && (smallest < 0 || values[node] < values[smallest])) {
                        smallest = node;
                    }
                }
                if (smallest >= 0) {
                    moves.add(List.of(total, smallest));
                }
            }
        }
        return moves;
    }

    /** Known exactly from some earlier report, and now 1–4 away from that: showing it would give the change away. */
    private boolean changedSlightly(int node) {
        return node != GRAND && changedSlightly(node, values[node]);
    }

    private boolean rowChangedSlightly(int row) {
        return changedSlightly(values.length + row, rowValues[row]);
    }

    private boolean changedSlightly(int index, long now) {
        for (long[] report : known) {
            long delta = Math.abs(now - report[index]);
            if (report[index] >= 0 && delta >= 1 && delta < SmallCounts.THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /** How many values in [lo, hi] some earlier report knew exactly for this figure or row. */
    private long earlierValuesWithin(int index, long lo, long hi) {
        return known.stream().mapToLong(report -> report[index]).filter(v -> v >= 0 && lo <= v && v <= hi)
                .distinct().count();
    }

    private boolean eligibleComplement(int node) {
        return shown[node] == Shown.EXACT && values[node] >= SmallCounts.THRESHOLD;
    }

    private Shown[] withholdBreakdown(int pinnedNode) {
        Shown[] next = shown.clone();
        if (pinnedNode == GRAND) {
            for (int n = 1; n < next.length; n++) {
                next[n] = Shown.BREAKDOWN;
            }
            return next;
        }
        int column = pinnedNode <= columns ? pinnedNode - 1 : (pinnedNode - 1 - columns) % columns;
        if (pinnedNode <= columns) {
            next[pinnedNode] = Shown.BREAKDOWN;
        }
        for (int r = 0; r < rows; r++) {
            next[cellNode(r, column)] = Shown.BREAKDOWN;
        }
        return next;
    }

    // --- audit -----------------------------------------------------------------------------------

    private int pinnedCount(Shown[] how) {
        long[][] range = possibleRanges(how);
        int pinned = 0;
        for (int n = 0; n < values.length; n++) {
            if (isPinnedSmall(n, how, range)) {
                pinned++;
            }
        }
        for (int r = 0; r < rows; r++) {
            if (isRowPinned(r, how)) {
                pinned++;
            }
        }
        return pinned;
    }

    /** The first pinned figure; the grand total when only a row sum is pinned (its breakdown then goes). */
    private int firstPinned(Shown[] how) {
        long[][] range = possibleRanges(how);
        for (int n = 0; n < values.length; n++) {
            if (isPinnedSmall(n, how, range)) {
                return n;
            }
        }
        for (int r = 0; r < rows; r++) {
            if (isRowPinned(r, how)) {
                return GRAND;
            }
        }
        throw new IllegalStateException("no pinned figure");
    }

    /** A row sum of 1–4, or one 1–4 away from what an earlier report let a reader know, must keep two values. */
    private boolean isRowPinned(int row, Shown[] how) {
        if (!SmallCounts.isSmall(rowValues[row]) && !rowChangedSlightly(row)) {
            return false;
        }
        long[] sum = rowRange(row, how);
        return sum[0] == sum[1];
    }

    /**
     * A figure whose true value is 1–4 and not shown exactly ("<5", or withheld with its breakdown)
     * must keep at least two possible values. A withheld figure of 0 may be derivable: "0" is shown
     * openly anyway.
     */
    private boolean isPinnedSmall(int node, Shown[] how, long[][] range) {
        if (how[node] == Shown.EXACT) {
            return false;
        }
        if (changedSlightly(node)) {
            // Pinned if no second value is possible besides the ones known before (which it is not).
            long possible = range[node][1] - range[node][0] + 1;
            return possible - earlierValuesWithin(node, range[node][0], range[node][1]) < 2;
        }
        if (groupProtected[node] && range[node][0] == range[node][1]) {
            return true;
        }
        return SmallCounts.isSmall(values[node]) && range[node][0] == range[node][1];
    }

    /**
     * For every figure, the [low, high] range of values a reader can deduce from everything shown.
     * "Up" is what a figure's own breakdown implies, "out" what the rest of the table implies; the
     * tree shape makes their intersection exact.
     */
    long[][] possibleRanges(Shown[] how) {
        int n = values.length;
        long[][] bounds = domains(how);
        long[] lo = bounds[0];
        long[] hi = bounds[1];
        long[][] result = new long[n][];
        // up[c]: a column total as its own cells allow it. Lower bounds are always finite, upper
        // bounds may be "infinite"; sums are taken afresh rather than by subtraction, because
        // infinity minus infinity has no answer.
        long[] upLo = new long[columns];
        long[] upHi = new long[columns];
        for (int c = 0; c < columns; c++) {
            upLo[c] = Math.max(lo[1 + c], sumCells(lo, c, -1));
            upHi[c] = Math.min(hi[1 + c], sumCells(hi, c, -1));
        }
        result[GRAND] = checked(GRAND, Math.max(lo[GRAND], sum(upLo, -1)), Math.min(hi[GRAND], sum(upHi, -1)));
        for (int c = 0; c < columns; c++) {
            int total = 1 + c;
            // The column total as the rest of the table allows it, before its own cells are consulted.
            long parentLo = Math.max(lo[total], add(lo[GRAND], -sum(upHi, c)));
            long parentHi = Math.min(hi[total], add(hi[GRAND], -sum(upLo, c)));
            result[total] = checked(total, Math.max(parentLo, upLo[c]), Math.min(parentHi, upHi[c]));
            for (int r = 0; r < rows; r++) {
                int cell = cellNode(r, c);
                long cellLo = Math.max(lo[cell], add(parentLo, -sumCells(hi, c, r)));
                long cellHi = Math.min(hi[cell], add(parentHi, -sumCells(lo, c, r)));
                result[cell] = checked(cell, cellLo, cellHi);
            }
        }
        return result;
    }

    /** What a reader can deduce of every figure from this table as shown (see {@link #possibleRanges(Shown[])}). */
    long[][] possibleRanges() {
        return possibleRanges(shown);
    }

    /** What a reader can deduce of a row's sum from this table as shown. */
    long[] rowRange(int row) {
        return rowRange(row, shown);
    }

    /**
     * The [low, high] range of a row's sum a reader can deduce. Given the column totals, a row's cells
     * are independent across columns, each within an interval that moves by at most one as its
     * column's total does; the totals are tied only by the grand total. So the range is a pair of
     * separable problems with slopes of 0 or 1, solved greedily: start every column total at its
     * least, then spend the units the grand total still needs where they cost (or gain) nothing first.
     */
    long[] rowRange(int row, Shown[] how) {
        int n = values.length;
        long[][] bounds = domains(how);
        long[] lo = bounds[0];
        long[] hi = bounds[1];
        long least = 0;
        long most = 0;
        long baseLow = 0;
        long baseHigh = 0;
        long free = 0;
        long gain = 0;
        for (int c = 0; c < columns; c++) {
            int cell = cellNode(row, c);
            long a = Math.max(lo[1 + c], sumCells(lo, c, -1));
            long b = Math.min(hi[1 + c], sumCells(hi, c, -1));
            long othersHigh = sumCells(hi, c, row);
            long othersLow = sumCells(lo, c, row);
            least = add(least, a);
            most = add(most, b);
            baseLow = add(baseLow, Math.max(lo[cell], add(a, -othersHigh)));
            baseHigh = add(baseHigh, Math.min(hi[cell], add(a, -othersLow)));
            free = add(free, Math.max(0, add(Math.min(b, add(lo[cell], othersHigh)), -a)));
            gain = add(gain, Math.max(0, add(Math.min(b, add(hi[cell], othersLow)), -a)));
        }
        long mustAdd = Math.max(0, add(lo[GRAND], -least));
        long mayAdd = add(Math.min(hi[GRAND], most), -least);
        return checked(n + row, add(baseLow, Math.max(0, add(mustAdd, -free))), add(baseHigh, Math.min(mayAdd, gain)));
    }

    /** Per figure, the lowest and highest value its own display allows: {lows, highs}. */
    private long[][] domains(Shown[] how) {
        long[] lo = new long[values.length];
        long[] hi = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            long[] d = domain(values[i], how[i]);
            lo[i] = d[0];
            hi[i] = d[1];
        }
        return new long[][] {lo, hi};
    }

    private long sumCells(long[] bound, int column, int exceptRow) {
        long total = 0;
        for (int r = 0; r < rows; r++) {
            if (r != exceptRow) {
                total = add(total, bound[cellNode(r, column)]);
            }
        }
        return total;
    }

    private static long sum(long[] bounds, int except) {
        long total = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (i != except) {
                total = add(total, bounds[i]);
            }
        }
        return total;
    }

    private static long[] domain(long value, Shown how) {
        return switch (how) {
            case EXACT -> new long[] {value, value};
            case SMALL -> new long[] {1, SmallCounts.THRESHOLD - 1};
            case COMPLEMENT, CHANGED -> new long[] {SmallCounts.THRESHOLD, INFINITY};
            case BREAKDOWN -> new long[] {0, INFINITY};
        };
    }

    /**
     * Addition where anything beyond ±INFINITY/2 means "unbounded" and stays so. Real counts are
     * nowhere near that size.
     */
    private static long add(long a, long b) {
        boolean aUnbounded = Math.abs(a) >= INFINITY / 2;
        boolean bUnbounded = Math.abs(b) >= INFINITY / 2;
        if (aUnbounded && bUnbounded && Long.signum(a) != Long.signum(b)) {
            throw new IllegalStateException("unbounded minus unbounded while auditing the table");
        }
        if (aUnbounded) {
            return Long.signum(a) * INFINITY;
        }
        if (bUnbounded) {
            return Long.signum(b) * INFINITY;
        }
        return Math.max(-INFINITY, Math.min(INFINITY, a + b));
    }

    private static long[] checked(int node, long lo, long hi) {
        if (lo > hi) {
            throw new IllegalStateException("no value fits figure " + node + ": range [" + lo + ", " + hi + "]");
        }
        return new long[] {lo, hi};
    }

    private int cellNode(int row, int column) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return 1 + columns + row * columns + checkColumn(column);
    }

    private int checkColumn(int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns);
        }
        return column;
    }
}
