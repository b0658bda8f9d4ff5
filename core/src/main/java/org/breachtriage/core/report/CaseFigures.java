package org.breachtriage.core.report;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.report.ProtectedTable.Style;

/**
 * The people-affected figures of a case as they may be shown outside on-call: staff type × band,
 * band totals and the total, protected by {@link ProtectedTable}. The Federation summary, the ICO
 * draft and the HTML report all read these, so a figure withheld in one is withheld in all.
 *
 * <p>Totals are computed from the staff type × band counters, not taken from {@code band.*} or
 * {@code persons.total}: the protection reasons about sums, so the totals shown must be exactly the
 * sums of the cells. If the case's other counters disagree (e.g. a report taken while scoring is
 * still running), a note says so, without figures.
 */
final class CaseFigures {
    static final List<Band> BANDS_BY_SEVERITY = List.of(Band.VERY_HIGH, Band.HIGH, Band.MEDIUM, Band.LOW);
    static final String UNKNOWN_STAFF_TYPE = "UNKNOWN";
    static final List<String> STAFF_ROWS = staffRows();

    final ProtectedTable table;
    final List<String> notes;

    private CaseFigures(ProtectedTable table, List<String> notes) {
        this.table = table;
        this.notes = List.copyOf(notes);
    }

    static CaseFigures of(CaseRecord caseRecord) {
        long[][] cells = new long[STAFF_ROWS.size()][BANDS_BY_SEVERITY.size()];
        long[] bandSums = new long[BANDS_BY_SEVERITY.size()];
        long people = 0;
        for (int r = 0; r < STAFF_ROWS.size(); r++) {
            StaffType type = r < StaffType.values().length ? StaffType.values()[r] : null;
            for (int c = 0; c < BANDS_BY_SEVERITY.size(); c++) {
                String counter = Counters.staffTypeBand(type, BANDS_BY_SEVERITY.get(c));
                cells[r][c] = nonNegative(caseRecord, counter);
                bandSums[c] += cells[r][c];
                people += cells[r][c];
            }
        }
        List<String> notes = new ArrayList<>();
        boolean bandsAgree = true;
        for (int c = 0; c < BANDS_BY_SEVERITY.size(); c++) {
            bandsAgree &= nonNegative(caseRecord, Counters.band(BANDS_BY_SEVERITY.get(c))) == bandSums[c];
        }
        if (!bandsAgree || nonNegative(caseRecord, Counters.PERSONS_TOTAL) != people) {
            notes.add("Figures are totals of the staff-type breakdown; the case's other counters do not yet agree"
                    + " with it (case status " + caseRecord.status() + "), so figures may still change.");
        }
        return new CaseFigures(ProtectedTable.protect(cells), notes);
    }

    String people(Style style) {
        return table.grandTotal(style);
    }

    String band(Band band, Style style) {
        return table.columnTotal(BANDS_BY_SEVERITY.indexOf(band), style);
    }

    String cell(int staffRow, Band band, Style style) {
        return table.cell(staffRow, BANDS_BY_SEVERITY.indexOf(band), style);
    }

    boolean bandVisiblyNonZero(Band band) {
        return table.columnVisiblyNonZero(BANDS_BY_SEVERITY.indexOf(band));
    }

    boolean bandTrulyNonZero(Band band) {
        return table.columnTotalValue(BANDS_BY_SEVERITY.indexOf(band)) > 0;
    }

    /** Legend for the whole table (Federation): the markers it uses, UNKNOWN, consistency notes. */
    List<String> legend() {
        List<String> lines = new ArrayList<>(markerLegend(table.anySmall(), table.anyWithheld()));
        lines.add(UNKNOWN_STAFF_TYPE + ": people whose pay number is not in the force's staff table.");
        lines.addAll(notes);
        return lines;
    }

    /** Legend for the totals only (ICO draft, which shows no staff-type breakdown). */
    List<String> totalsLegend() {
        boolean small = table.grandTotalShown() == ProtectedTable.Shown.SMALL;
        boolean withheld = false;
        for (int c = 0; c < table.columns(); c++) {
            small |= table.columnTotalShown(c) == ProtectedTable.Shown.SMALL;
            withheld |= table.columnTotalShown(c) != ProtectedTable.Shown.SMALL
                    && table.columnTotalShown(c) != ProtectedTable.Shown.EXACT;
        }
        List<String> lines = new ArrayList<>(markerLegend(small, withheld));
        lines.addAll(notes);
        return lines;
    }

    private static List<String> markerLegend(boolean small, boolean withheld) {
        List<String> lines = new ArrayList<>();
        if (small) {
            lines.add("\"" + SmallCounts.SMALL + "\" means between 1 and 4 people; small counts are not shown"
                    + " so that nobody can be singled out.");
        }
        if (withheld) {
            lines.add("\"" + ProtectedTable.WITHHELD + "\" means withheld so that a small count cannot be worked"
                    + " out from the totals.");
        }
        return lines;
    }

    private static long nonNegative(CaseRecord caseRecord, String counter) {
        long value = caseRecord.counter(counter);
        if (value < 0) {
            throw new IllegalArgumentException("case " + caseRecord.caseId() + ": counter " + counter
                    + " is negative (" + value + ")");
        }
        return value;
    }

    private static List<String> staffRows() {
        List<String> rows = new ArrayList<>();
        for (StaffType type : StaffType.values()) {
            rows.add(type.name());
        }
        rows.add(UNKNOWN_STAFF_TYPE);
        return List.copyOf(rows);
    }
}
