package org.breachtriage.core.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.ports.PersonStore;

/**
 * An incident's figures, as aggregate counters named like a case's ({@code persons.total},
 * {@code band.HIGH}, {@code staffType.OFFICER.HIGH}, {@code category.PHOTO}, {@code notices.initial},
 * {@code rows.read}, …), so the report renderers read an incident as they read a case.
 *
 * <p>People: each case carries, under {@link Counters#incident}, what its batches changed in the
 * incident's figures; the changes telescope, so their sum over the incident's cases counts every
 * person once, in their current band, however many manifests name them. People named only in
 * superseded manifests are then taken out (and counted as no longer listed): that needs a walk of
 * the incident's people, made only when some manifest is superseded.
 *
 * <p>Rows: summed over the manifests that are not superseded (a superseded manifest's rows no longer
 * count).
 */
public final class IncidentFigures {
    private IncidentFigures() {
    }

    public static Map<String, Long> of(IncidentRecord incident, List<CaseRecord> cases, PersonStore persons) {
        Map<String, Long> figures = new HashMap<>();
        Set<String> superseded = incident.supersededCaseIds();
        for (CaseRecord c : cases) {
            c.counters().forEach((name, value) -> {
                if (name.startsWith(Counters.INCIDENT_PREFIX)) {
                    figures.merge(name.substring(Counters.INCIDENT_PREFIX.length()), value, Long::sum);
                }
            });
            if (!superseded.contains(c.caseId())) {
                for (String rows : List.of(Counters.ROWS_READ, Counters.ROWS_ACCEPTED, Counters.ROWS_REJECTED)) {
                    figures.merge(rows, c.counter(rows), Long::sum);
                }
            }
        }
        long noLongerListed = 0;
        if (!superseded.isEmpty()) {
            long[] count = {0};
            persons.forEachAnyOrder(incident.incidentId(), person -> {
                if (person.noLongerListed(superseded)) {
                    count[0]++;
                    person.figure().contribution().forEach((name, n) -> figures.merge(name, -n, Long::sum));
                }
            });
            noLongerListed = count[0];
        }
        figures.put(Counters.PERSONS_NO_LONGER_LISTED, noLongerListed);
        figures.put(Counters.MANIFESTS_TOTAL, (long) incident.manifests().size());
        figures.put(Counters.MANIFESTS_SUPERSEDED, (long) superseded.size());
        figures.values().removeIf(n -> n == 0);
        return figures;
    }
}
