package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.api.Test;

/**
 * Victims, witnesses, suspects and others in an incident's figures: the ICO draft counts everyone affected,
 * the Federation summary (the workforce's) counts none of them, with its small-count rules unchanged.
 */
class OutsideTheWorkforceReportsTest {
    private static final ReportContext CONTEXT = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME);
    private static final long[][] NO_STAFF = new long[6][4];

    /** The fixture's staff cells plus these non-staff people, with the case's totals to match. */
    private static ReportSubject withSubjects(long[][] staffCells, Map<SubjectType, Map<Band, Long>> subjects) {
        CaseRecord staff = ReportFixtures.caseRecordWith(staffCells, "Records system (synthetic)", Regime.DPA_2018_PART_3);
        Map<String, Long> counters = new HashMap<>(staff.counters());
        subjects.forEach((type, bands) -> bands.forEach((band, n) -> {
            counters.put(Counters.subjectTypeBand(type, band), n);
            counters.merge(Counters.band(band), n, Long::sum);
            counters.merge(Counters.PERSONS_TOTAL, n, Long::sum);
            counters.merge(Counters.PERSONS_NON_STAFF, n, Long::sum);
        }));
        return ReportSubject.ofCase(new CaseRecord(staff.caseId(), staff.incidentId(), staff.source(), staff.sourceVersion(),
                staff.status(), null, staff.incident(), staff.regime(), staff.openedAt(), staff.art33Deadline(), true,
                staff.art33Reasoning(), staff.policyVersion(), staff.batchesQueued(), counters));
    }

    @Test
    void anIncidentOfVictimsAndWitnessesOnlyHasNobodyInTheFederationSummary() {
        ReportSubject subject = withSubjects(NO_STAFF, Map.of(SubjectType.VICTIM, Map.of(Band.HIGH, 4L, Band.MEDIUM, 3L),
                SubjectType.WITNESS, Map.of(Band.LOW, 4L)));

        FederationSummary federation = FederationSummaries.from(subject, CONTEXT);
        assertEquals("0", federation.peopleAffected());
        assertEquals("NONE", federation.highestSeverity(), "nobody of the workforce in any band");
        federation.byBand().values().forEach(v -> assertEquals("0", v));
        federation.byStaffTypeAndBand().values().forEach(row -> row.values().forEach(v -> assertEquals("0", v)));
        assertFalse(federation.byStaffTypeAndBand().containsKey("VICTIM"));
        assertFalse(federation.toJson().contains("VICTIM") || federation.toJson().contains("WITNESS"), federation.toJson());
        assertTrue(federation.notes().stream().noneMatch(l -> l.contains("do not yet agree")),
                "the victims do not make the workforce's figures look inconsistent: " + federation.notes());

        IcoArt33Draft draft = IcoArt33Drafts.from(subject, CONTEXT);
        assertEquals("11", draft.natureOfBreach().approximatePeople(), "the regulator hears of everyone affected");
        assertEquals("<5", draft.natureOfBreach().peopleBySeverity().get("HIGH"), "with the same small-count rule");
    }

    @Test
    void aDraftForVictimsAndWitnessesOnlyDescribesTheirRiskAndMeasuresNotTheWorkforces() {
        ReportSubject subject = withSubjects(NO_STAFF, Map.of(SubjectType.VICTIM, Map.of(Band.HIGH, 4L, Band.MEDIUM, 3L),
                SubjectType.WITNESS, Map.of(Band.LOW, 4L)));
        String draft = IcoArt33Drafts.from(subject, ReportContext.defaults("Norfolk Constabulary",
                ReportFixtures.GENERATED_IN_TIME, "p1")).toMarkdown();
        assertTrue(draft.contains("victims, witnesses or suspects whose identity, involvement in a case or whereabouts"),
                draft);
        assertTrue(draft.contains("Officers in charge of the affected cases were told"), draft);
        for (String workforceOnly : List.of("officers and staff in sensitive roles", "All staff were given advice",
                "Reissue ID cards", "approaches to staff")) {
            assertFalse(draft.contains(workforceOnly), "a victims-only draft says nothing of the workforce: " + workforceOnly);
        }
        // A workforce breach keeps its own words.
        String staff = IcoArt33Drafts.from(ReportFixtures.idCardCase(), ReportContext.defaults("Metropolitan Police Service",
                ReportFixtures.GENERATED_IN_TIME, "p1")).toMarkdown();
        assertTrue(staff.contains("All staff were given advice"), staff);
        assertFalse(staff.contains("victims, witnesses or suspects whose identity"), staff);
    }

    @Test
    void aMixedIncidentGivesTheFederationItsStaffOnlyAndTheRegulatorEveryone() {
        ReportSubject subject = withSubjects(ReportFixtures.CELLS, Map.of(SubjectType.VICTIM, Map.of(Band.VERY_HIGH, 50L),
                SubjectType.SUSPECT, Map.of(Band.MEDIUM, 20L)));

        FederationSummary federation = FederationSummaries.from(subject, CONTEXT);
        FederationSummary staffOnly = FederationSummaries.from(ReportFixtures.idCardCase(), CONTEXT);
        assertEquals(staffOnly.peopleAffected(), federation.peopleAffected());
        assertEquals(staffOnly.byBand(), federation.byBand());
        assertEquals(staffOnly.byStaffTypeAndBand(), federation.byStaffTypeAndBand());
        assertEquals(staffOnly.highestSeverity(), federation.highestSeverity());

        IcoArt33Draft draft = IcoArt33Drafts.from(subject, CONTEXT);
        assertEquals("about 2,600", draft.natureOfBreach().approximatePeople(), "2,514 of the workforce and 70 outside it");
        assertEquals("about 2,500", IcoArt33Drafts.from(ReportFixtures.idCardCase(), CONTEXT).natureOfBreach()
                .approximatePeople(), "the workforce alone");
        assertTrue(draft.toMarkdown().contains("People outside the workforce named in the data"), draft.toMarkdown());
    }

    @Test
    void fewerThanFiveStaffAmongVictimsAreStillWithheldFromTheFederation() {
        long[][] twoOfficers = new long[6][4];
        twoOfficers[0][1] = 2;
        ReportSubject subject = withSubjects(twoOfficers, Map.of(SubjectType.VICTIM, Map.of(Band.HIGH, 30L)));

        FederationSummary federation = FederationSummaries.from(subject, CONTEXT);
        assertEquals("<5", federation.peopleAffected(), "2 officers, not 32 people");
        assertEquals(FederationSummaries.WITHHELD, federation.highestSeverity());
    }
}
