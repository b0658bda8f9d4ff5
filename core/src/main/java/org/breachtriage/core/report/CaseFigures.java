package org.breachtriage.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.report.ProtectedTable.Style;

/**
 * The people-affected figures of an incident report as they may be shown outside on-call: staff type × band,
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
    /** The table of the report before, as it was shown; null for an initial report. */
    final ProtectedTable previous;
    final List<String> notes;

    private CaseFigures(ProtectedTable table, ProtectedTable previous, List<String> notes) {
        this.table = table;
        this.previous = previous;
        this.notes = List.copyOf(notes);
    }

    /**
     * The subject's figures, protected against every earlier report of its incident: each earlier
     * table is rebuilt as it was shown (each against the ones before it), and a figure that changed by
     * 1–4 since any report let a reader know it exactly is withheld now (see {@link ProtectedTable}).
     */
    static CaseFigures of(ReportSubject subject) {
        return of(subject, anyoneOutsideTheWorkforce(subject));
    }

    /**
     * The workforce's figures only, for the Federation: victims, witnesses, suspects and others are in no
     * cell and no total, so an incident of nobody but them shows 0 people.
     */
    static CaseFigures workforce(ReportSubject subject) {
        return of(subject, false);
    }

    /**
     * @param nonStaffRows also a row per non-staff subject type (the ICO draft and the HTML report count
     *                     everyone affected); only where some report of the incident had such a person, so a
     *                     workforce-only incident's tables are exactly as they were
     */
    private static CaseFigures of(ReportSubject subject, boolean nonStaffRows) {
        List<ProtectedTable> shownBefore = new ArrayList<>();
        List<long[]> known = new ArrayList<>();
        for (Map<String, Long> earlier : subject.earlier()) {
            ProtectedTable then = ProtectedTable.protect(cells(subject, earlier, nonStaffRows), known);
            shownBefore.add(then);
            known.add(then.exactlyShown());
        }
        long[][] cells = cells(subject, subject.counters(), nonStaffRows);
        ProtectedTable table = ProtectedTable.protect(cells, known);
        ProtectedTable previous = shownBefore.isEmpty() ? null : shownBefore.getLast();
        return new CaseFigures(table, previous, consistencyNotes(subject, cells(subject, subject.counters(), true)));
    }

    private static boolean anyoneOutsideTheWorkforce(ReportSubject subject) {
        boolean any = subject.counter(Counters.PERSONS_NON_STAFF) > 0;
        for (Map<String, Long> earlier : subject.earlier()) {
            any |= earlier.getOrDefault(Counters.PERSONS_NON_STAFF, 0L) > 0;
        }
        return any;
    }

    /**
     * Staff type × band counts, rows in {@link #STAFF_ROWS} order (then, with {@code nonStaffRows}, one per
     * non-staff subject type), columns most severe first.
     */
    private static long[][] cells(ReportSubject subject, Map<String, Long> counters, boolean nonStaffRows) {
        List<SubjectType> others = nonStaffRows ? NON_STAFF_TYPES : List.of();
        long[][] cells = new long[STAFF_ROWS.size() + others.size()][BANDS_BY_SEVERITY.size()];
        for (int r = 0; r < cells.length; r++) {
            StaffType type = r < StaffType.values().length ? StaffType.values()[r] : null;
            for (int c = 0; c < BANDS_BY_SEVERITY.size(); c++) {
                Band band = BANDS_BY_SEVERITY.get(c);
                String counter = r < STAFF_ROWS.size() ? Counters.staffTypeBand(type, band)
                        : Counters.subjectTypeBand(others.get(r - STAFF_ROWS.size()), band);
                cells[r][c] = nonNegative(subject, counters, counter);
            }
        }
        return cells;
    }

    private static final List<SubjectType> NON_STAFF_TYPES =
            java.util.Arrays.stream(SubjectType.values()).filter(t -> !t.staff()).toList();

    private static List<String> consistencyNotes(ReportSubject subject, long[][] cells) {
        long[] bandSums = new long[BANDS_BY_SEVERITY.size()];
        long people = 0;
        for (long[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                bandSums[c] += row[c];
                people += row[c];
            }
        }
        boolean bandsAgree = true;
        for (int c = 0; c < BANDS_BY_SEVERITY.size(); c++) {
            bandsAgree &= nonNegative(subject, subject.counters(), Counters.band(BANDS_BY_SEVERITY.get(c))) == bandSums[c];
        }
        List<String> notes = new ArrayList<>();
        if (!bandsAgree || nonNegative(subject, subject.counters(), Counters.PERSONS_TOTAL) != people) {
            notes.add("Figures are totals of the staff-type breakdown; the case's other counters do not yet agree"
                    + " with it (case status " + subject.status() + "), so figures may still change.");
        }
        return notes;
    }

    /** A band total of the report before this one, as it was shown; null for an initial report. */
    String previousBand(Band band, Style style) {
        return previous == null ? null : previous.columnTotal(BANDS_BY_SEVERITY.indexOf(band), style);
    }

    String previousPeople(Style style) {
        return previous == null ? null : previous.grandTotal(style);
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
                    + " out from the totals, or by comparing with an earlier report.");
        }
        return lines;
    }

    private static long nonNegative(ReportSubject subject, Map<String, Long> counters, String counter) {
        long value = counters.getOrDefault(counter, 0L);
        if (value < 0) {
            throw new IllegalArgumentException(subject.subjectId() + ": counter " + counter + " is negative (" + value + ")");
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
