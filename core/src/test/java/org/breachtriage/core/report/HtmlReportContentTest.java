package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.core.model.Band;
import org.junit.jupiter.api.Test;

/**
 * Every figure the HTML page shows, against the three records it is rendered from: each row of the
 * on-call table, each bar of the chart (its width scaled to the largest band, at least 2 pixels for a
 * band with anyone in it), each cell of the Federation table and each numbered section of the ICO
 * draft. The expected text is built from the records' own fields, so the page cannot drop or swap one.
 */
class HtmlReportContentTest {
    private static final int BAR_AREA = 380;
    private static final int ROW_HEIGHT = 34;

    private final ReportSubject subject = ReportFixtures.idCardCase();
    private final ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_LATE);
    private final OnCallSummary onCall = OnCallSummaries.from(subject, context);
    private final FederationSummary federation = FederationSummaries.from(subject, context);
    private final IcoArt33Draft draft = IcoArt33Drafts.from(subject, context);
    private final String html = HtmlReport.render(onCall, federation, draft);

    @Test
    void theOnCallTableHasEveryRowInOrder() {
        List<String> expected = List.of(
                row("Incident", onCall.incidentId() + ", report " + onCall.reportNumber() + " (" + onCall.phase() + ")"),
                row("Manifest", onCall.caseId() + " (" + onCall.status() + ")"),
                row("Manifests in the incident", n(onCall.manifests()) + " (" + n(onCall.manifestsSuperseded()) + " superseded)"),
                row("Force", onCall.force()),
                row("Supplier", onCall.supplier()),
                row("Incident reference", onCall.incidentReference()),
                row("Rows read", n(onCall.rowsRead())),
                row("Rows accepted", n(onCall.rowsAccepted())),
                row("Rows rejected", n(onCall.rowsRejected())),
                row("People (distinct)", n(onCall.personsTotal())),
                row("Matched to the staff table", n(onCall.personsMatched())),
                row("Not in the staff table", n(onCall.personsUnmatched())),
                row("No longer listed (to review)", n(onCall.noLongerListed())),
                row("Notices published", n(onCall.noticesPublished()) + " (" + n(onCall.noticesInitial()) + " initial, "
                        + n(onCall.noticesEscalation()) + " escalation)"));
        String table = section("on-call");
        int at = 0;
        for (String row : expected) {
            int found = table.indexOf(row, at);
            assertTrue(found >= at, "missing or out of order: " + row + "\n" + table);
            at = found + row.length();
        }
        assertTrue(table.substring(at).startsWith(rowStart("ICO deadline")), "the deadline row comes last");
        assertFalse(table.contains("UNACCOUNTED"), "every row is accounted for: no warning row");
    }

    @Test
    void aManifestWhoseRowsDoNotAddUpSaysSoInTheTable() {
        OnCallSummary unbalanced = new OnCallSummary(onCall.schemaVersion(), onCall.eventType(), onCall.incidentId(),
                onCall.caseId(), onCall.reportNumber(), onCall.phase(), onCall.status(), onCall.force(), onCall.supplier(),
                onCall.incidentReference(), onCall.rowsRead(), onCall.rowsAccepted(), onCall.rowsRejected(), 3,
                onCall.personsTotal(), onCall.personsMatched(), onCall.personsUnmatched(), onCall.noLongerListed(),
                onCall.manifests(), onCall.manifestsSuperseded(), onCall.byBand(), onCall.noticesPlanned(),
                onCall.noticesInitial(), onCall.noticesEscalation(), onCall.noticesPublished(),
                onCall.noticesAwaitingRelease(), onCall.peopleHeld(), onCall.art33Required(), onCall.art33Deadline(),
                onCall.hoursToDeadline(), onCall.generatedAt(), onCall.headline());
        String page = HtmlReport.render(unbalanced, federation, draft);
        assertTrue(page.contains(row("Rows rejected", n(onCall.rowsRejected())) + row("Rows UNACCOUNTED FOR", "3")), page);
    }

    @Test
    void eachBandIsABarScaledToTheLargestWithItsCountBesideIt() {
        long max = onCall.byBand().values().stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Band> bands = new ArrayList<>(onCall.byBand().keySet());
        String chart = section("chart");
        assertTrue(chart.contains("height=\"" + (ROW_HEIGHT * bands.size() + 10) + "\" viewBox=\"0 0 600 "
                + (ROW_HEIGHT * bands.size() + 10) + "\""), chart);
        Matcher bars = Pattern.compile("<text x=\"0\" y=\"(\\d+)\" font-size=\"14\">(\\w+)</text>\n<rect x=\"100\" y=\"(\\d+)\""
                + " width=\"(\\d+)\" height=\"24\" fill=\"#\\w+\"><title>(\\w+): ([\\d,]+)</title></rect>\n<text x=\"(\\d+)\""
                + " y=\"(\\d+)\" font-size=\"14\">([\\d,]+)</text>").matcher(chart);
        for (int i = 0; i < bands.size(); i++) {
            assertTrue(bars.find(), "bar " + i + " in\n" + chart);
            Band band = bands.get(i);
            long count = onCall.byBand().get(band);
            int width = (int) Math.max(count > 0 ? 2 : 0, Math.round((double) count / max * BAR_AREA));
            int top = 5 + i * ROW_HEIGHT;
            assertEquals(band.name(), bars.group(2));
            assertEquals(top + ROW_HEIGHT / 2 + 5, Integer.parseInt(bars.group(1)), "label line of " + band);
            assertEquals(top + 4, Integer.parseInt(bars.group(3)), "bar top of " + band);
            assertEquals(width, Integer.parseInt(bars.group(4)), "bar width of " + band);
            assertEquals(band.name(), bars.group(5));
            assertEquals(n(count), bars.group(6));
            assertEquals(100 + width + 6, Integer.parseInt(bars.group(7)), "count beside the bar of " + band);
            assertEquals(bars.group(1), bars.group(8));
            assertEquals(n(count), bars.group(9));
        }
        assertFalse(bars.find(), "one bar per band");
    }

    @Test
    void aBandWithOnePersonStillShowsABarAndAnEmptyBandNone() {
        Map<Band, Long> skewed = new java.util.LinkedHashMap<>();
        skewed.put(Band.VERY_HIGH, 1L);
        skewed.put(Band.HIGH, 0L);
        skewed.put(Band.MEDIUM, 100_000L);
        skewed.put(Band.LOW, 0L);
        OnCallSummary s = new OnCallSummary(onCall.schemaVersion(), onCall.eventType(), onCall.incidentId(),
                onCall.caseId(), onCall.reportNumber(), onCall.phase(), onCall.status(), onCall.force(), onCall.supplier(),
                onCall.incidentReference(), onCall.rowsRead(), onCall.rowsAccepted(), onCall.rowsRejected(), 0,
                onCall.personsTotal(), onCall.personsMatched(), onCall.personsUnmatched(), onCall.noLongerListed(),
                onCall.manifests(), onCall.manifestsSuperseded(), skewed, onCall.noticesPlanned(),
                onCall.noticesInitial(), onCall.noticesEscalation(), onCall.noticesPublished(),
                onCall.noticesAwaitingRelease(), onCall.peopleHeld(), onCall.art33Required(), onCall.art33Deadline(),
                onCall.hoursToDeadline(), onCall.generatedAt(), onCall.headline());
        String chart = HtmlReport.render(s, federation, draft);
        Matcher widths = Pattern.compile("<rect x=\"100\" y=\"\\d+\" width=\"(\\d+)\"").matcher(chart);
        List<Integer> found = new ArrayList<>();
        while (widths.find()) {
            found.add(Integer.parseInt(widths.group(1)));
        }
        assertEquals(List.of(2, 0, BAR_AREA, 0), found);
    }

    @Test
    void theFederationTableHasEveryCellOfTheSummary() {
        StringBuilder expected = new StringBuilder("<thead><tr><th>Staff type</th>");
        federation.byBand().keySet().forEach(b -> expected.append("<th class=\"n\">").append(b).append("</th>"));
        expected.append("</tr></thead>\n<tbody>\n");
        federation.byStaffTypeAndBand().forEach((type, cells) -> {
            expected.append("<tr><th>").append(type).append("</th>");
            cells.values().forEach(v -> expected.append("<td class=\"n\">").append(cell(v)).append("</td>"));
            expected.append("</tr>\n");
        });
        expected.append("</tbody>\n<tfoot><tr><td>All</td>");
        federation.byBand().values().forEach(v -> expected.append("<td class=\"n\">").append(cell(v)).append("</td>"));
        expected.append("</tr></tfoot>");
        String table = section("federation");
        assertTrue(table.contains(expected), "expected\n" + expected + "\nin\n" + table);
        assertTrue(table.contains("People affected: <strong>" + cell(federation.peopleAffected()) + "</strong>"));
        assertFalse(federation.notes().isEmpty());
        for (String note : federation.notes()) {
            assertTrue(table.contains("<li>" + Text.html(note) + "</li>"), note);
        }
    }

    @Test
    void theIcoDraftHasItsHeaderRowsAndEveryNumberedSectionWithItsParagraphsAndItems() {
        String ico = section("ico");
        for (String[] header : IcoArt33Drafts.headerRows(draft)) {
            assertTrue(ico.contains("<tr><th>" + Text.html(header[0]) + "</th><td>"), header[0]);
        }
        int number = 1;
        int at = 0;
        for (IcoArt33Draft.FormSection section : draft.formSections()) {
            String heading = "<h3 id=\"ico-" + section.id() + "\">" + number++ + ". " + Text.html(section.title());
            int found = ico.indexOf(heading, at);
            assertTrue(found >= at, "section in order: " + heading);
            at = found;
            if (!section.covers().isEmpty()) {
                assertTrue(ico.startsWith(heading + " <span class=\"covers\">(" + Text.html(String.join(", ", section.covers()))
                        + ")</span></h3>", found), heading);
            }
            for (String item : section.items()) {
                assertTrue(ico.indexOf("<li>" + opening(item), found) > found, "item of " + section.id() + ": " + item);
            }
            for (String paragraph : section.paragraphs()) {
                assertTrue(ico.indexOf("<p>" + opening(paragraph), found) > found, "paragraph of " + section.id() + ": " + paragraph);
            }
        }
        assertEquals(draft.formSections().size(), count(ico, "<h3 id=\"ico-"));
        assertFalse(draft.toComplete().isEmpty());
        int toComplete = ico.indexOf("<h3>Still to complete before submitting</h3>");
        assertTrue(toComplete > at, "the to-do list comes last");
        assertEquals(draft.toComplete().size(), count(ico.substring(toComplete), "<li>"));
    }

    /** The start of a text as the page writes it, up to any [TO COMPLETE] marker (which the page highlights). */
    private static String opening(String text) {
        String escaped = Text.html(text);
        int marker = escaped.indexOf('[');
        return escaped.substring(0, Math.min(marker < 0 ? escaped.length() : marker, 40));
    }

    private String section(String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String row(String label, String value) {
        return rowStart(label) + Text.html(value) + "</td></tr>\n";
    }

    private static String rowStart(String label) {
        return "<tr><th>" + Text.html(label) + "</th><td>";
    }

    private static String n(long count) {
        return SmallCounts.grouped(count);
    }

    private static String cell(String figure) {
        return Text.html(Text.groupDigits(figure));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
