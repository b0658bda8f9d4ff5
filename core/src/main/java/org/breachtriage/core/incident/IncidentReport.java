package org.breachtriage.core.incident;

import java.time.Instant;
import java.util.Map;

/**
 * One report of an incident (UK GDPR Art. 33(4): information may be given in phases). Number 1 is the
 * initial report; each later manifest's report is a numbered follow-up. The figures it was rendered
 * from are kept with it (aggregates only), so a retry renders the same report and the next
 * follow-up can say what changed since.
 *
 * @param number    1 for the initial report, 2 for follow-up 1, …
 * @param caseId    the manifest whose scoring asked for it
 * @param figures   the incident's aggregate counters as rendered (see {@link IncidentFigures})
 * @param published whether its messages went out (a reserved report that is not yet published is
 *                  finished by the retry of the request that reserved it)
 */
public record IncidentReport(int number, String caseId, Instant at, Map<String, Long> figures, boolean published) {

    public IncidentReport {
        figures = Map.copyOf(figures);
    }

    public boolean initial() {
        return number == 1;
    }

    /** "initial" or "follow-up N", as reports and messages call it. */
    public String phase() {
        return initial() ? "initial" : "follow-up " + (number - 1);
    }

    public IncidentReport asPublished() {
        return new IncidentReport(number, caseId, at, figures, true);
    }
}
