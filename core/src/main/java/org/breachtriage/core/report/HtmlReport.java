package org.breachtriage.core.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.report.IcoArt33Draft.FormSection;

/**
 * One self-contained HTML file for a case: the on-call summary, a bar chart of people per severity
 * band, the Federation table and the ICO draft. Everything is inline (CSS, SVG) and nothing is
 * fetched: no external URL, font or script, and a Content-Security-Policy that forbids fetching
 * anyway, so the file can be opened from an e-mail or a shared drive without leaking that it was.
 * Every value is escaped.
 *
 * <p>The on-call part has exact counts, so the file is for internal use; it holds no personal data.
 */
public final class HtmlReport {
    private static final Pattern MARKER = Pattern.compile("\\[TO COMPLETE: [^\\]]*\\]|\\[confirm\\]");
    private static final Map<Band, String> BAR_COLOUR = Map.of(
            Band.VERY_HIGH, "#a50f15", Band.HIGH, "#de2d26", Band.MEDIUM, "#e6a100", Band.LOW, "#4d8a3a");

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#1b1b1b;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.3rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
            h3{font-size:1.05rem;margin-bottom:.3rem}
            .banner{background:#fff4ce;border-left:4px solid #c8a600;padding:.5rem .8rem}
            .headline{font-size:1.1rem;font-weight:600}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#f2f2f2}
            tfoot td{font-weight:600}mark{background:#ffe08a}.covers{color:#555;font-weight:400;font-size:.9rem}
            footer{margin-top:2rem;color:#555;font-size:.9rem}
            """;

    private HtmlReport() {
    }

    public static String render(ReportSubject subject, ReportContext context) {
        return render(OnCallSummaries.from(subject, context), FederationSummaries.from(subject, context),
                IcoArt33Drafts.from(subject, context));
    }

    public static String render(OnCallSummary onCall, FederationSummary federation, IcoArt33Draft draft) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Breach Triage report: incident ").append(h(onCall.incidentId())).append(", ")
                .append(h(onCall.phase())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>Breach Triage report: incident ").append(h(onCall.incidentId())).append(" (")
                .append(h(onCall.phase())).append(")</h1>\n")
                .append("<p class=\"banner\">Internal. Aggregate figures only: no personal data. The on-call part and")
                .append(" the chart give exact counts; the Federation table and the ICO draft show protected figures.</p>\n")
                .append("</header>\n");
        onCall(out, onCall);
        chart(out, onCall);
        federation(out, federation);
        ico(out, draft);
        out.append("<footer>Generated ").append(h(Text.minutes(onCall.generatedAt())))
                .append(" by Breach Triage.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void onCall(StringBuilder out, OnCallSummary s) {
        out.append("<section id=\"on-call\">\n<h2>On-call summary</h2>\n<p class=\"headline\">")
                .append(h(s.headline())).append("</p>\n<table>\n<tbody>\n");
        row(out, "Incident", s.incidentId() + ", report " + s.reportNumber() + " (" + s.phase() + ")");
        row(out, "Manifest", s.caseId() + " (" + s.status() + ")");
        row(out, "Manifests in the incident", n(s.manifests()) + " (" + n(s.manifestsSuperseded()) + " superseded)");
        row(out, "Force", s.force());
        row(out, "Supplier", s.supplier());
        row(out, "Incident reference", s.incidentReference());
        row(out, "Rows read", n(s.rowsRead()));
        row(out, "Rows accepted", n(s.rowsAccepted()));
        row(out, "Rows rejected", n(s.rowsRejected()));
        if (s.rowsUnaccounted() != 0) {
            row(out, "Rows UNACCOUNTED FOR", n(s.rowsUnaccounted()));
        }
        row(out, "People (distinct)", n(s.personsTotal()));
        row(out, "Matched to the staff table", n(s.personsMatched()));
        row(out, "Not in the staff table", n(s.personsUnmatched()));
        if (s.personsNonStaff() > 0) {
            row(out, "Outside the workforce (victims, witnesses, suspects, others)", n(s.personsNonStaff()));
        }
        row(out, "No longer listed (to review)", n(s.noLongerListed()));
        row(out, "Notices published", n(s.noticesPublished()) + " (" + n(s.noticesInitial()) + " initial, "
                + n(s.noticesEscalation()) + " escalation)");
        row(out, "ICO deadline", Text.minutes(s.art33Deadline()) + " ("
                + Art33Law.describeRemaining(s.art33Deadline(), s.generatedAt()) + ")");
        out.append("</tbody>\n</table>\n</section>\n");
    }

    /** Horizontal bars, one per band, scaled to the largest; the count is written beside each bar. */
    private static void chart(StringBuilder out, OnCallSummary s) {
        int rowHeight = 34;
        int labelWidth = 100;
        int barArea = 380;
        int height = rowHeight * s.byBand().size() + 10;
        long max = s.byBand().values().stream().mapToLong(Long::longValue).max().orElse(0);
        out.append("<section id=\"chart\">\n<h2>People per severity band</h2>\n")
                .append("<svg role=\"img\" aria-labelledby=\"chart-title\" width=\"600\" height=\"").append(height)
                .append("\" viewBox=\"0 0 600 ").append(height).append("\">\n")
                .append("<title id=\"chart-title\">People per severity band, incident ").append(h(s.incidentId()))
                .append("</title>\n");
        int y = 5;
        for (Map.Entry<Band, Long> band : s.byBand().entrySet()) {
            long count = band.getValue();
            int width = max == 0 ? 0 : (int) Math.max(count > 0 ? 2 : 0, Math.round((double) count / max * barArea));
            int textY = y + rowHeight / 2 + 5;
            out.append("<text x=\"0\" y=\"").append(textY).append("\" font-size=\"14\">")
                    .append(h(band.getKey().name())).append("</text>\n")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(width).append("\" height=\"").append(rowHeight - 10).append("\" fill=\"")
                    .append(BAR_COLOUR.get(band.getKey())).append("\"><title>").append(h(band.getKey().name()))
                    .append(": ").append(n(count)).append("</title></rect>\n")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(textY)
                    .append("\" font-size=\"14\">").append(n(count)).append("</text>\n");
            y += rowHeight;
        }
        out.append("</svg>\n</section>\n");
    }

    private static void federation(StringBuilder out, FederationSummary f) {
        out.append("<section id=\"federation\">\n<h2>Federation summary</h2>\n")
                .append("<p>As sent to the Federation: aggregate figures only. People affected: <strong>")
                .append(h(grouped(f.peopleAffected()))).append("</strong>.</p>\n<table>\n<thead><tr><th>Staff type</th>");
        f.byBand().keySet().forEach(band -> out.append("<th class=\"n\">").append(h(band)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        f.byStaffTypeAndBand().forEach((type, bands) -> {
            out.append("<tr><th>").append(h(type)).append("</th>");
            bands.values().forEach(v -> out.append("<td class=\"n\">").append(h(grouped(v))).append("</td>"));
            out.append("</tr>\n");
        });
        out.append("</tbody>\n<tfoot><tr><td>All</td>");
        f.byBand().values().forEach(v -> out.append("<td class=\"n\">").append(h(grouped(v))).append("</td>"));
        out.append("</tr></tfoot>\n</table>\n<ul>\n");
        f.notes().forEach(note -> out.append("<li>").append(h(note)).append("</li>\n"));
        out.append("</ul>\n</section>\n");
    }

    private static void ico(StringBuilder out, IcoArt33Draft d) {
        out.append("<section id=\"ico\">\n<h2>ICO report draft (").append(h(d.legalBasis())).append(")</h2>\n")
                .append("<p class=\"banner\">").append(marked(IcoArt33Drafts.PREAMBLE)).append("</p>\n<table>\n<tbody>\n");
        for (String[] header : IcoArt33Drafts.headerRows(d)) {
            row(out, header[0], header[1]);
        }
        out.append("</tbody>\n</table>\n");
        int number = 1;
        for (FormSection section : d.formSections()) {
            out.append("<h3 id=\"ico-").append(h(section.id())).append("\">").append(number++).append(". ")
                    .append(h(section.title()));
            if (!section.covers().isEmpty()) {
                out.append(" <span class=\"covers\">(").append(h(String.join(", ", section.covers()))).append(")</span>");
            }
            out.append("</h3>\n");
            section.paragraphs().forEach(p -> out.append("<p>").append(marked(p)).append("</p>\n"));
            if (!section.items().isEmpty()) {
                out.append("<ul>\n");
                section.items().forEach(item -> out.append("<li>").append(marked(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        out.append("<h3>Still to complete before submitting</h3>\n<ul>\n");
        d.toComplete().forEach(item -> out.append("<li>").append(marked(item)).append("</li>\n"));
        out.append("</ul>\n</section>\n");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("<tr><th>").append(h(label)).append("</th><td>").append(marked(value)).append("</td></tr>\n");
    }

    /** Escapes, then highlights the "[TO COMPLETE: …]" and "[confirm]" markers. */
    private static String marked(String text) {
        String escaped = h(text);
        Matcher m = MARKER.matcher(escaped);
        return m.replaceAll(r -> "<mark>" + Matcher.quoteReplacement(r.group()) + "</mark>");
    }

    private static String h(String text) {
        return Text.html(text);
    }

    private static String n(long count) {
        return SmallCounts.grouped(count);
    }

    private static String grouped(String figure) {
        return Text.groupDigits(figure);
    }
}
