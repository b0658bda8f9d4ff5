package org.breachtriage.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.IncidentMetadata;

/**
 * What a set of reports is about: an incident's aggregate figures as they stood when report number
 * {@code reportNumber} was made, and the incident's metadata (its earliest awareness). Aggregates
 * only: renderers take nothing person-level (a test enforces it).
 *
 * @param caseId        the manifest whose scoring asked for this report
 * @param counters      the incident's counters (names as on a case: {@code persons.total}, {@code band.HIGH}, …)
 * @param earlier       the figures of the incident's earlier reports, oldest first (empty for the initial
 *                      report): follow-ups say what changed, and are protected against subtraction
 * @param lateReason    why the ICO was told after 72 hours, once recorded; null otherwise
 */
public record ReportSubject(
        String incidentId,
        String caseId,
        CaseStatus status,
        IncidentMetadata incident,
        Regime regime,
        boolean art33Required,
        String art33Reasoning,
        Instant art33Deadline,
        Map<String, Long> counters,
        int reportNumber,
        List<Map<String, Long>> earlier,
        String lateReason) {

    public ReportSubject {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        earlier = earlier == null ? List.of() : earlier.stream().map(Map::copyOf).toList();
    }

    /** One case's own figures as an initial report of its own (a case whose incident has only it). */
    public static ReportSubject ofCase(CaseRecord c) {
        return new ReportSubject(c.incidentId(), c.caseId(), c.status(), c.incident(), c.regime(), c.art33Required(),
                c.art33Reasoning(), c.art33Deadline(), c.counters(), 1, List.of(), null);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public boolean initial() {
        return reportNumber <= 1;
    }

    /** "initial" or "follow-up N". */
    public String phase() {
        return initial() ? "initial" : "follow-up " + (reportNumber - 1);
    }

    /** The figures of the report just before this one, or null for the initial report. */
    public Map<String, Long> previous() {
        return earlier.isEmpty() ? null : earlier.getLast();
    }

    /** The id subscribers and reports name: the incident's, or the case's when there is none. */
    public String subjectId() {
        return incidentId != null ? incidentId : caseId;
    }
}
