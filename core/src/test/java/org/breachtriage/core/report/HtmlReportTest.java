package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.core.cases.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {
    private final String html = HtmlReport.render(ReportFixtures.idCardCase(),
            ReportFixtures.context(ReportFixtures.GENERATED_LATE));

    @Test
    void isOneSelfContainedDocument() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>"));
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        assertEquals(count(html, "<section"), count(html, "</section>"));
        assertEquals(count(html, "<table"), count(html, "</table>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "https://", "//cdn", " src=", " href=", "url(", "@import", "<script", "<link",
            "<img", "<iframe", "<object", "<embed", "@font-face"})
    void fetchesNothing(String forbidden) {
        assertFalse(html.toLowerCase(Locale.ROOT).contains(forbidden), forbidden);
    }

    @Test
    void hasAnInlineBarChartOfPeoplePerBand() {
        assertTrue(html.contains("<svg role=\"img\""));
        assertFalse(html.contains("xmlns"), "inline SVG needs no namespace URL");
        Matcher bars = Pattern.compile("<rect x=\"100\" y=\"\\d+\" width=\"(\\d+)\"").matcher(html);
        int[] widths = new int[4];
        for (int i = 0; i < 4; i++) {
            assertTrue(bars.find(), "bar " + i);
            widths[i] = Integer.parseInt(bars.group(1));
        }
        assertFalse(bars.find(), "one bar per band");
        // VERY_HIGH 38, HIGH 112, MEDIUM 879, LOW 1485: LOW fills the area, the others in proportion.
        assertEquals(380, widths[3]);
        assertEquals(Math.round(879.0 / 1485 * 380), widths[2]);
        assertEquals(Math.round(38.0 / 1485 * 380), widths[0]);
        assertTrue(html.contains("<title>LOW: 1,485</title>"));
    }

    @Test
    void containsTheThreeReports() {
        assertTrue(html.contains("IN-00000000000000ab: 2,514 people, 38 VERY_HIGH, 112 HIGH, 150 notices"), "on-call headline");
        assertTrue(html.contains("<tr><th>CONTRACTOR</th><td class=\"n\">&lt;5</td>"), "Federation table");
        for (char item : new char[] {'a', 'b', 'c', 'd'}) {
            assertTrue(html.contains("Art. 33(3)(" + item + ")"), "ICO item " + item);
        }
        assertTrue(html.contains("Reasons for delay"), "late draft");
        assertTrue(html.contains("<mark>[TO COMPLETE: reasons for the delay]</mark>"));
    }

    @Test
    void escapesScriptInASupplierName() {
        String evil = HtmlReport.render(
                ReportFixtures.caseWith(ReportFixtures.CELLS, "<script>alert('x')</script>\"><b>", Regime.UK_GDPR),
                ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME));
        assertFalse(evil.contains("<script"));
        assertFalse(evil.contains("<b>"));
        assertTrue(evil.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;b&gt;"));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
