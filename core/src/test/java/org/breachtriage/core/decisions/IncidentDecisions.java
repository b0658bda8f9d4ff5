package org.breachtriage.core.decisions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.Art33Verdict;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * The core's three decisions for one incident, as the pipeline makes them: each person scored
 * (ENISA), the Art. 33 verdict from the incident's distinct people and its mitigations, and each
 * person's Art. 34 decision (with any Art. 34(3) exemption).
 */
final class IncidentDecisions {
    private IncidentDecisions() {
    }

    /**
     * One person: what leaked for them, their staff record (null: not in the staff table) and whose
     * data it is (a member of the workforce unless said otherwise).
     */
    record Person(Set<DataCategory> exposed, StaffMember staff, SubjectType subject) {
        Person(Set<DataCategory> exposed, StaffMember staff) {
            this(exposed, staff, SubjectType.STAFF);
        }
    }

    record Outcome(List<Assessment> assessments, Art33Verdict art33, List<NoticeDecision> art34) {
        boolean anyArt34Notice() {
            return art34.stream().anyMatch(NoticeDecision::required);
        }

        Band highest() {
            return assessments.stream().map(Assessment::band).max(Band::compareTo).orElse(null);
        }
    }

    static Outcome decide(ScoringPolicy policy, IncidentMetadata incident, List<Person> people) {
        SeverityScorer scorer = new SeverityScorer(policy);
        List<Assessment> assessments = new ArrayList<>();
        List<NoticeDecision> decisions = new ArrayList<>();
        Map<Band, Long> bands = new EnumMap<>(Band.class);
        for (Person p : people) {
            Assessment a = scorer.assess(new ScoringInput(p.exposed(), p.staff(), null, null, incident, p.subject()));
            assessments.add(a);
            decisions.add(p.staff() != null || p.subject().staff() ? policy.decide(a, p.staff())
                    : policy.decideFor(a, ContactChannel.LETTER));
            bands.merge(a.band(), 1L, Long::sum);
        }
        Map<String, Long> figures = new HashMap<>();
        figures.put(Counters.PERSONS_TOTAL, (long) people.size());
        bands.forEach((band, n) -> figures.put(Counters.band(band), n));
        // The incident's per-category figures, as IncidentFigures keeps them (people with it exposed).
        for (Person p : people) {
            for (DataCategory c : p.exposed()) {
                figures.merge(Counters.category(c), 1L, Long::sum);
            }
        }
        Art33Verdict art33 = Art33Verdict.fromAssessment(List.of(incident), figures, policy.noticeAtOrAbove(), Regime.UK_GDPR);
        return new Outcome(assessments, art33, decisions);
    }
}
