package org.breachtriage.core.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.release.ReleaseFigures;

/** Reads incidents for people to look at: their view, their cases, who is no longer listed. */
public final class IncidentQueries {
    private final IncidentStore incidents;
    private final CaseStore cases;
    private final PersonStore persons;
    private final Clock clock;
    private final Band noticeAtOrAbove;

    public IncidentQueries(IncidentStore incidents, CaseStore cases, PersonStore persons, Clock clock) {
        this(incidents, cases, persons, clock, Band.HIGH);
    }

    /** @param noticeAtOrAbove the policy's Art. 34 threshold, which the Art. 33 verdict respects */
    public IncidentQueries(IncidentStore incidents, CaseStore cases, PersonStore persons, Clock clock,
                           Band noticeAtOrAbove) {
        this.incidents = incidents;
        this.cases = cases;
        this.persons = persons;
        this.clock = clock;
        this.noticeAtOrAbove = noticeAtOrAbove;
    }

    public Optional<IncidentView> view(String incidentId) {
        return incidents.find(incidentId).map(this::view);
    }

    public IncidentView view(IncidentRecord incident) {
        List<CaseRecord> all = casesOf(incident);
        Map<String, Long> figures = IncidentFigures.of(incident, all, persons);
        return IncidentView.of(incident, all, figures, ReleaseFigures.read(incident, persons), clock.instant(),
                noticeAtOrAbove);
    }

    /**
     * The incident's Art. 33 verdict and deadline, as its {@link #view} gives them, without the view's scan of
     * every person for its notice figures: what a run's summary needs, read at the end of every run.
     */
    public Optional<IncidentView.Art33> art33(String incidentId) {
        return incidents.find(incidentId).map(incident -> {
            List<CaseRecord> all = casesOf(incident);
            return IncidentView.art33Of(incident, all, IncidentFigures.of(incident, all, persons), clock.instant(),
                    noticeAtOrAbove);
        });
    }

    public List<CaseRecord> casesOf(IncidentRecord incident) {
        List<CaseRecord> found = new ArrayList<>();
        incident.manifests().forEach(m -> cases.find(m.caseId()).ifPresent(found::add));
        return found;
    }

    /** Pay numbers of the people named only in superseded manifests, for the restricted operator to review. */
    public List<String> noLongerListed(IncidentRecord incident) {
        Set<String> superseded = incident.supersededCaseIds();
        List<String> payNumbers = new ArrayList<>();
        if (!superseded.isEmpty()) {
            persons.forEach(incident.incidentId(), p -> {
                if (p.noLongerListed(superseded)) {
                    payNumbers.add(p.payNumber());
                }
            });
        }
        return payNumbers;
    }
}
