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
 * it. So when a table is protected {@linkplain #protect(long[][], long[]) against what earlier reports
 * showed}, a figure whose change since the last time it was shown exactly is 1–4 is withheld too
 * ({@link Shown#CHANGED}), and it joins the audit: no figure may be pinned to one value other than
 * the one shown before, from this table's sums. Such a figure is always ≥ 5 (1–4 are never shown
 * exactly), so to a reader it looks like any other complement. The grand total is exempt: the number
 * of people affected is given exactly from 5 up, in every report.
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
    /** Per figure, the value an earlier report last showed exactly, or -1; see {@link #exactlyShown}. */
    private final long[] shownBefore;

    private ProtectedTable(int rows, int columns, long[] values, Shown[] shown, long[] shownBefore) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.shown = shown;
        this.shownBefore = shownBefore;
    }

    /** Suppresses and protects {@code cells[row][column]}; totals are computed from the cells. */
    public static ProtectedTable protect(long[][] cells) {
        return protect(cells, null);
    }

    /**
     * As {@link #protect(long[][])}, for a table that follows earlier published ones of the same shape.
     *
     * @param shownBefore per figure (in {@link #exactlyShown} order), the value the latest earlier report
     *                    that showed it exactly showed, or -1; null when there is no earlier report
     */
    public static ProtectedTable protect(long[][] cells, long[] shownBefore) {
        int rows = cells.length;
        if (rows == 0 || cells[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int columns = cells[0].length;
        long[] values = new long[1 + columns + rows * columns];
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
                values[GRAND] = Math.addExact(values[GRAND], v);
            }
        }
        long[] before = new long[values.length];
        Arrays.fill(before, -1);
        if (shownBefore != null) {
            if (shownBefore.length != values.length) {
                throw new IllegalArgumentException("earlier figures have " + shownBefore.length + " entries, this table "
                        + values.length + ": not the same shape");
            }
            System.arraycopy(shownBefore, 0, before, 0, values.length);
        }
        ProtectedTable table = new ProtectedTable(rows, columns, values, new Shown[values.length], before);
        table.suppress();
        return table;
    }

    /**
     * Per figure (grand total, column totals, then cells row by row), the value shown exactly, or -1
     * where it was not; fold these over a series of reports with {@link #latestShown} to protect the next.
     */
    public long[] exactlyShown() {
        long[] exact = new long[values.length];
        for (int n = 0; n < values.length; n++) {
            exact[n] = shown[n] == Shown.EXACT ? values[n] : -1;
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

    /** Whether a column total is known to be above zero from what is shown (exact > 0 or "<5"). */
    public boolean columnVisiblyNonZero(int column) {
        int node = 1 + checkColumn(column);
        return shown[node] == Shown.SMALL || shown[node] == Shown.COMPLEMENT || shown[node] == Shown.CHANGED
                || (shown[node] == Shown.EXACT && values[node] > 0);
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

    /** Shown exactly before, and now 1–4 away from that: showing it would give the change away. */
    private boolean changedSlightly(int node) {
        long delta = Math.abs(values[node] - shownBefore[node]);
        return node != GRAND && shownBefore[node] >= 0 && delta >= 1 && delta < SmallCounts.THRESHOLD;
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
        return pinned;
    }

    private int firstPinned(Shown[] how) {
        long[][] range = possibleRanges(how);
        for (int n = 0; n < values.length; n++) {
            if (isPinnedSmall(n, how, range)) {
                return n;
            }
        }
        throw new IllegalStateException("no pinned figure");
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
            // Pinned if no second value is possible besides the one shown before (which it is not).
            long possible = range[node][1] - range[node][0] + 1;
            boolean includesBefore = range[node][0] <= shownBefore[node] && shownBefore[node] <= range[node][1];
            return possible - (includesBefore ? 1 : 0) < 2;
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
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int i = 0; i < n; i++) {
            long[] d = domain(values[i], how[i]);
            lo[i] = d[0];
            hi[i] = d[1];
        }
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
