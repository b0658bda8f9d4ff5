package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;

/**
 * The e-mail text of the on-call and Federation summaries, line by line from the records they render,
 * and what a follow-up says changed since the report before it.
 */
class SummaryTextTest {
    private final ReportSubject subject = ReportFixtures.idCardCase();
    private final ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_LATE);

    @Test
    void theOnCallTextHasOneLineOfEachFigure() {
        OnCallSummary s = OnCallSummaries.from(subject, context);
        List<String> lines = s.toText().lines().toList();
        assertEquals(List.of(
                s.headline(), "",
                line("Incident", s.incidentId() + ", report 1 (initial)"),
                line("Manifest", s.caseId() + " (" + s.status() + "); " + s.manifests() + " manifest(s) in the incident, "
                        + s.manifestsSuperseded() + " superseded"),
                line("Force", s.force()),
                line("Supplier", s.supplier()),
                line("Incident reference", s.incidentReference()),
                line("Rows", SmallCounts.grouped(s.rowsRead()) + " read, " + SmallCounts.grouped(s.rowsAccepted())
                        + " accepted, " + s.rowsRejected() + " rejected"),
                line("People", SmallCounts.grouped(s.personsTotal()) + " distinct (" + SmallCounts.grouped(s.personsMatched())
                        + " matched to the staff table, " + s.personsUnmatched() + " not)"),
                line("By severity", "VERY_HIGH 38, HIGH 112, MEDIUM 879, LOW 1,485"),
                line("Notices published", s.noticesPublished() + " (" + s.noticesInitial() + " initial, "
                        + s.noticesEscalation() + " escalation)"),
                line("ICO deadline", Text.minutes(s.art33Deadline()) + " ("
                        + Art33Law.describeRemaining(s.art33Deadline(), s.generatedAt()) + ")"),
                line("Generated", Text.minutes(s.generatedAt()))), lines);
    }

    @Test
    void theOnCallTextFlagsUnaccountedRowsPeopleToReviewAndANotificationNotRequired() {
        OnCallSummary s = OnCallSummaries.from(subject, context);
        OnCallSummary odd = new OnCallSummary(s.schemaVersion(), s.eventType(), s.incidentId(), s.caseId(), s.reportNumber(),
                s.phase(), s.status(), s.force(), s.supplier(), s.incidentReference(), 10, 7, 2, 1, 5, 4, 1, 2, 1, 0,
                s.byBand(), 0, 0, 0, 0, 0, 0, false, s.art33Deadline(), s.hoursToDeadline(), s.generatedAt(), s.headline());
        String text = odd.toText();
        assertTrue(text.contains(line("Rows", "10 read, 7 accepted, 2 rejected, 1 UNACCOUNTED FOR")), text);
        assertTrue(text.contains(line("People", "5 distinct (4 matched to the staff table, 1 not); 2 no longer listed,"
                + " to review")), text);
        assertTrue(text.contains(", notification assessed as not required\n"), text);
    }

    @Test
    void theFederationTextHasTheProtectedTableAndNothingMore() {
        FederationSummary f = FederationSummaries.from(subject, context);
        String text = f.toText();
        StringBuilder expected = new StringBuilder("Breach Triage: Federation summary (initial) for incident "
                + f.incidentId() + "\nAggregate figures only. No personal data.\n\n");
        expected.append(field("Force", f.force())).append(field("Supplier", f.supplier()))
                .append(field("Incident reference", f.incidentReference()))
                .append(field("Became aware", Text.minutes(f.awareAt())))
                .append(field("ICO deadline (72 h)", Text.minutes(f.art33Deadline())))
                .append("\nPeople affected: ").append(Text.groupDigits(f.peopleAffected())).append('\n')
                .append("Most severe band with anyone in it: ").append(f.highestSeverity()).append("\n\nBy severity\n");
        f.byBand().forEach((band, people) -> expected.append(String.format("  %-10s %8s%n", band, Text.groupDigits(people))));
        expected.append("\nBy staff type and severity\n").append(String.format("  %-11s", "Staff type"));
        f.byBand().keySet().forEach(band -> expected.append(String.format(" %10s", band)));
        expected.append('\n');
        f.byStaffTypeAndBand().forEach((type, bands) -> {
            expected.append(String.format("  %-11s", type));
            bands.values().forEach(v -> expected.append(String.format(" %10s", Text.groupDigits(v))));
            expected.append('\n');
        });
        assertTrue(text.startsWith(expected.toString()), "expected\n" + expected + "\ngot\n" + text);
        assertTrue(text.contains("\nNotes\n- "), text);
        for (String note : f.notes()) {
            assertTrue(text.contains("- " + Text.oneLine(note) + "\n"), note);
        }
    }

    @Test
    void aFollowUpSaysWhatCategoriesAreNewAndHowManyManifestsWereSupersededSince() {
        Map<String, Long> before = new HashMap<>(Map.of(Counters.category(DataCategory.NAME), 5L,
                Counters.category(DataCategory.HOME_ADDRESS), 0L, Counters.MANIFESTS_SUPERSEDED, 1L, Counters.PERSONS_TOTAL, 9L));
        Map<String, Long> now = new HashMap<>(Map.of(Counters.category(DataCategory.NAME), 6L,
                Counters.category(DataCategory.HOME_ADDRESS), 2L, Counters.category(DataCategory.FINANCIAL), 1L,
                Counters.MANIFESTS_SUPERSEDED, 3L, Counters.PERSONS_TOTAL, 12L));
        ReportSubject followUp = new ReportSubject("IN-1", "BT-2", subject.status(), subject.incident(), subject.regime(),
                true, "r", subject.art33Deadline(), now, 2, List.of(before), null);

        assertEquals(List.of("home addresses", "financial details"), ReportChanges.categoriesNewlyExposed(followUp));
        assertEquals(2, ReportChanges.manifestsSupersededSince(followUp));
        assertEquals(3, ReportChanges.delta(followUp, Counters.PERSONS_TOTAL));

        ReportSubject initial = new ReportSubject("IN-1", "BT-1", subject.status(), subject.incident(), subject.regime(),
                true, "r", subject.art33Deadline(), now, 1, List.of(), null);
        assertEquals(List.of("names", "home addresses", "financial details"), ReportChanges.categoriesNewlyExposed(initial));
        assertEquals(3, ReportChanges.manifestsSupersededSince(initial));
        assertEquals(12, ReportChanges.delta(initial, Counters.PERSONS_TOTAL));

        Map<String, Long> fewer = new HashMap<>(now);
        fewer.put(Counters.MANIFESTS_SUPERSEDED, 0L);
        ReportSubject odd = new ReportSubject("IN-1", "BT-2", subject.status(), subject.incident(), subject.regime(),
                true, "r", subject.art33Deadline(), fewer, 2, List.of(before), null);
        assertEquals(0, ReportChanges.manifestsSupersededSince(odd), "never negative");
    }

    private static String line(String label, String value) {
        return String.format("%-19s %s", label + ":", value);
    }

    private static String field(String label, String value) {
        return String.format("%-21s %s%n", label + ":", value);
    }
}
