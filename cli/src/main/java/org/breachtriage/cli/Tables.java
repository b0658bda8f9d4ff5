package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.pipeline.RunSummary.Notices;

/** Human-readable renderings shared by run, status and demo. */
final class Tables {
    private Tables() {
    }

    /** One bar per band, scaled to the largest. */
    static void bars(PrintWriter out, Map<String, Long> bands) {
        long widest = Math.max(1, bands.values().stream().mapToLong(Long::longValue).max().orElse(1));
        for (var band : bands.entrySet()) {
            int bar = (int) Math.round(40.0 * band.getValue() / widest);
            out.printf("  %-10s %,9d  %s%n", band.getKey(), band.getValue(), "#".repeat(bar));
        }
    }

    /** An incident: its manifests, its distinct people and bands, its notices and its clock. */
    static void printIncident(PrintWriter out, IncidentView v) {
        out.printf("Incident    %s  %s, %s%n", v.incidentId(), v.reference() == null ? "(no reference: this manifest alone)"
                : v.reference(), v.supplier());
        long superseded = v.manifests().stream().filter(IncidentView.Manifest::superseded).count();
        out.printf("Manifests   %d (%d superseded)%n", v.manifests().size(), superseded);
        for (IncidentView.Manifest m : v.manifests()) {
            out.printf("  %s  %-9s %,7d rows  %s%s%n", m.caseId(), m.status(), m.rowsRead(), abbreviate(m.source(), 40),
                    m.superseded() ? "  (superseded by " + m.supersededBy() + ")" : "");
        }
        out.printf("People      %,d distinct = %,d matched + %,d not in the staff table%s%s%n", v.persons().total(),
                v.persons().matched(), v.persons().unmatched(), outsideTheWorkforce(v.persons().nonStaff()),
                v.persons().noLongerListed() == 0 ? ""
                        : "; " + String.format("%,d", v.persons().noLongerListed())
                        + " no longer listed (review: triage incident " + v.incidentId() + " --people)");
        if (v.regime() != null) {
            out.printf("Regime      %s (%s)%n", v.regime().partThree() ? "DPA 2018 Part 3" : "UK GDPR", v.regime().reason());
        }
        out.println("Severity    (each person once, on everything any manifest exposed)");
        bars(out, v.bands());
        IncidentView.Notices n = v.notices();
        out.printf("Told        %,d people (initial notice published) + %,d escalation notices%n", n.initial(), n.escalation());
        StringBuilder waiting = new StringBuilder();
        n.awaitingRelease().forEach((band, count) -> {
            if (count > 0) {
                waiting.append(waiting.isEmpty() ? "" : ", ").append(String.format("%,d %s", count, band));
            }
        });
        out.printf("Waiting     %s%s%s%n", waiting.isEmpty() ? "nothing awaits release" : waiting + " awaiting release"
                        + " (triage pending " + v.incidentId() + ")",
                n.held() > 0 ? String.format("; %,d %s held", n.held(), n.held() == 1 ? "person" : "people") : "",
                n.releasing() > 0 ? String.format("; %,d released, being published", n.releasing()) : "");
        if (n.generalCommunicationApplies()) {
            out.printf("General     %,d people covered by the general staff communication only (%s)%n",
                    n.generalCommunication(), n.generalCommunicationSentAt() == null ? "not yet sent"
                            : "sent " + n.generalCommunicationSentAt());
        } else {
            out.println("General     none sent: nobody in the workforce is affected, so there is no general staff"
                    + " communication");
        }
        if (n.noIndividualNotice() > 0) {
            out.printf("No notice   %,d %s outside the workforce with no individual notice (not covered by the general"
                    + " staff communication)%n", n.noIndividualNotice(), n.noIndividualNotice() == 1 ? "person" : "people");
        }
        var art33 = v.art33();
        // Under DPA 2018 Part 3 the same 72-hour duty is s.67's (the label keeps the column width).
        out.printf("%s %s%s, deadline %s (%s); %s%n", icoLabel(v.regime()), describe(art33.verdict()),
                art33.provisional() ? " (provisional: people still being scored)" : "",
                art33.deadline(), art33.hoursLeft() >= 0 ? String.format("%,d h left", art33.hoursLeft())
                        : String.format("overdue by %,d h", -art33.hoursLeft()),
                art33.submittedAt() == null ? "not yet submitted (record it: triage ico submitted " + v.incidentId()
                        + " --ico-reference REF)"
                        : "submitted " + art33.submittedAt() + ", ICO reference " + art33.icoReference());
        if (art33.reasoning() != null) {
            out.printf("Why         %s%n", art33.reasoning());
        }
    }

    /** An incident's Art. 33 verdict in words. */
    private static String describe(String verdict) {
        return switch (verdict) {
            case RunSummary.Art33.REQUIRED -> "REQUIRED";
            case RunSummary.Art33.NOT_REQUIRED -> "not required";
            default -> "no verdict yet (no manifest has an accepted row)";
        };
    }

    static String abbreviate(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
    }

    /** "ICO s.67   " under DPA 2018 Part 3, else "ICO Art. 33" (the same width, so the columns line up). */
    static String icoLabel(IncidentRegime regime) {
        return regime != null && regime.partThree() ? "ICO s.67   " : "ICO Art. 33";
    }

    static void printSummary(PrintWriter out, RunSummary s) {
        printSummary(out, s, null);
    }

    /**
     * The run summary; {@code regime} is its incident's (null: not known here), so a DPA 2018 Part 3
     * incident's line says "ICO s.67", as the incident view does, not "ICO Art. 33".
     */
    static void printSummary(PrintWriter out, RunSummary s, IncidentRegime regime) {
        String ico = icoLabel(regime);
        out.printf("Case        %s  (%s)%n", s.caseId(), s.status());
        if (s.incidentId() != null) {
            out.printf("Part of     %s%n", s.incidentId());
        }
        if (s.failureReason() != null) {
            out.printf("Failure     %s%n", s.failureReason());
        }
        out.printf("Incident    %s, %s%n", s.reference(), s.supplier());
        out.printf("Source      %s%n", s.source());
        out.printf("Rows        %,d read = %,d accepted + %,d rejected%n", s.rows().read(), s.rows().accepted(),
                s.rows().rejected());
        out.printf("People      %,d = %,d matched + %,d not in the staff table%s%n", s.persons().total(),
                s.persons().matched(), s.persons().unmatched(), outsideTheWorkforce(s.persons().nonStaff()));
        out.println("Severity    (this manifest alone)");
        bars(out, s.bands());
        Notices n = s.notices();
        out.printf("Notices     %,d planned by this manifest: %,d published (%,d this run), %,d awaiting release%s%s"
                        + " (policy %s)%n", n.planned(), n.published(), n.publishedThisRun(), n.awaitingRelease(),
                n.held() > 0 ? String.format(", %,d held", n.held()) : "",
                n.withdrawn() > 0 ? String.format(", %,d replaced by a higher band's", n.withdrawn()) : "",
                s.policyVersion());
        if (RunSummary.Art33.NONE.equals(s.art33().verdict())) {
            out.printf("%s no verdict from this manifest: %s%n", ico, s.art33().reasoning());
        } else if (s.incidentId() == null) {
            out.printf("%s %s%s, deadline %s%n", ico, s.art33().required() ? "REQUIRED" : "not required",
                    s.art33().provisional() ? " (provisional)" : "", s.art33().deadline());
        } else {
            out.printf("%s %s%s for the incident (its clock runs from its earliest manifest: triage incident"
                    + " %s)%n", ico, s.art33().required() ? "REQUIRED" : "not required",
                    s.art33().provisional() ? " (provisional: people still being scored)" : "", s.incidentId());
        }
        if (!RunSummary.Art33.NONE.equals(s.art33().verdict())) {
            out.printf("Why         %s%n", org.breachtriage.core.report.PartThreeWording.reasoning(s.art33().reasoning(),
                    IncidentRegime.of(regime)));
        }
    }

    /** " + N outside the workforce" (victims, witnesses, suspects, others), or "" when there are none. */
    static String outsideTheWorkforce(long nonStaff) {
        return nonStaff == 0 ? "" : String.format(" + %,d outside the workforce (victims, witnesses, suspects, others)",
                nonStaff);
    }
}
