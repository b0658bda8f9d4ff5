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
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.StaffType;
import org.junit.jupiter.api.Test;

/**
 * What the ICO draft says, from the subject it is given: the circumstances in words, whether it is
 * treated as malicious, the notices sent (initial and escalation), the unmatched people's note, and
 * a follow-up's "what changed" with the figures then and now.
 */
class IcoDraftContentTest {
    private final ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME);

    private static ReportSubject subject(IncidentMetadata incident, Map<String, Long> counters, int number,
                                         List<Map<String, Long>> earlier) {
        CaseRecord c = ReportFixtures.caseRecordWith(ReportFixtures.CELLS, "Acme", Regime.UK_GDPR);
        return new ReportSubject(c.incidentId(), c.caseId(), c.status(), incident, c.regime(), true, "risk",
                c.art33Deadline(), counters, number, earlier, null);
    }

    private static IncidentMetadata incident(boolean malicious, Confidentiality c, Integrity i, Availability a) {
        return new IncidentMetadata("Acme", "INC-9", ReportFixtures.AWARE_AT, malicious, c, i, a,
                ReportFixtures.incident("Acme").defaultExposedFields(), List.of());
    }

    private static Map<String, Long> idCardCounters() {
        return ReportFixtures.caseRecordWith(ReportFixtures.CELLS, "Acme", Regime.UK_GDPR).counters();
    }

    private IcoArt33Draft draft(IncidentMetadata incident) {
        return IcoArt33Drafts.from(subject(incident, idCardCounters(), 1, List.of()), context);
    }

    @Test
    void eachCircumstanceIsPutInWords() {
        IcoArt33Draft.NatureOfBreach n = draft(incident(true, Confidentiality.NO_EVIDENCE, Integrity.RECOVERABLE,
                Availability.TEMPORARY)).natureOfBreach();
        assertEquals("no evidence so far that anyone unauthorised saw the data", n.confidentiality());
        assertEquals("the data was altered but can be restored", n.integrity());
        assertEquals("access to the data was lost for a time", n.availability());
        n = draft(incident(true, Confidentiality.KNOWN_RECIPIENTS, Integrity.UNRECOVERABLE, Availability.PERMANENT))
                .natureOfBreach();
        assertEquals("the data went to known recipients", n.confidentiality());
        assertEquals("the data was altered and cannot be restored", n.integrity());
        assertEquals("the data was lost", n.availability());
        n = draft(incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE)).natureOfBreach();
        assertEquals("the data may have been obtained by unknown parties or made public", n.confidentiality());
        assertEquals("no evidence that the data was altered", n.integrity());
        assertEquals("no loss of access to the data", n.availability());
        n = draft(incident(true, null, null, null)).natureOfBreach();
        assertEquals("[TO COMPLETE: whether anyone unauthorised saw the data]", n.confidentiality());
        assertEquals("[TO COMPLETE: whether the data was altered]", n.integrity());
        assertEquals("[TO COMPLETE: whether access to the data was lost]", n.availability());
    }

    @Test
    void maliceIsStatedEitherWay() {
        assertTrue(draft(incident(true, null, null, null)).natureOfBreach().description()
                .endsWith("It is being treated as the result of malicious action (e.g. a cyber attack)."));
        assertTrue(draft(incident(false, null, null, null)).natureOfBreach().description()
                .endsWith("There is no indication so far of malicious intent."));
    }

    @Test
    void noticesPlannedAreTheInitialAndEscalationNoticesTogetherWithThoseAwaitingRelease() {
        Map<String, Long> counters = new HashMap<>(idCardCounters());
        counters.put(Counters.NOTICES_INITIAL, 40L);
        counters.put(Counters.NOTICES_ESCALATION, 7L);
        counters.put(Counters.NOTICES_AWAITING_RELEASE, 12L);
        String released = " Each notice to a person at high risk is released by a person before it is sent.";
        IcoArt33Draft d = IcoArt33Drafts.from(subject(incident(true, null, null, null), counters, 1, List.of()), context);
        assertTrue(d.measures().peopleTold().endsWith(released + " Notices planned so far: 47, of which 12 awaiting that"
                + " release."), d.measures().peopleTold());
        counters.put(Counters.NOTICES_AWAITING_RELEASE, 0L);
        d = IcoArt33Drafts.from(subject(incident(true, null, null, null), counters, 1, List.of()), context);
        assertTrue(d.measures().peopleTold().endsWith(released + " Notices planned so far: 47."), d.measures().peopleTold());
    }

    @Test
    void theUnmatchedPeopleAreNotedOnlyWhenThereAreAny() {
        String note = "Some pay numbers in the supplier's data are not in the force's staff table";
        Map<String, Long> counters = new HashMap<>(idCardCounters());
        counters.put(Counters.PERSONS_UNMATCHED, 0L);
        assertFalse(IcoArt33Drafts.from(subject(incident(true, null, null, null), counters, 1, List.of()), context)
                .natureOfBreach().figureNotes().stream().anyMatch(s -> s.startsWith(note)));
        counters.put(Counters.PERSONS_UNMATCHED, 1L);
        assertTrue(IcoArt33Drafts.from(subject(incident(true, null, null, null), counters, 1, List.of()), context)
                .natureOfBreach().figureNotes().stream().anyMatch(s -> s.startsWith(note)));
    }

    /** Officers only: 10 per band before, 20 per band now; all exact (under 100, no cell under 5). */
    @Test
    void aFollowUpSaysWhatChangedSinceTheReportBefore() {
        IcoArt33Draft d = IcoArt33Drafts.from(subject(incident(true, null, null, null), officers(20),
                2, List.of(officers(10))), context);

        List<String> expected = List.of("People affected: 40 then, 80 now.",
                "Assessed VERY_HIGH: 10 then, 20 now.", "Assessed HIGH: 10 then, 20 now.",
                "Assessed MEDIUM: 10 then, 20 now.", "Assessed LOW: 10 then, 20 now.",
                "Categories of data newly exposed: none.",
                "Manifests superseded by corrected ones: 0; people named only in superseded manifests, now under review: 0.");
        assertEquals(expected, d.changesSinceLastReport());
        assertEquals("changes", d.formSections().get(0).id(), "the changes come first");
        assertEquals("What changed since report 1", d.formSections().get(0).title());
        assertEquals(expected, d.formSections().get(0).items());
        assertTrue(d.phasedReporting().startsWith("This is follow-up 1 to the initial report of this incident ("), d.phasedReporting());
        assertTrue(d.phasedReporting().endsWith("): it gives the information that became available since report 1."));
        IcoArt33Draft initial = IcoArt33Drafts.from(subject(incident(true, null, null, null), officers(20), 1, List.of()), context);
        assertEquals(List.of(), initial.changesSinceLastReport());
        assertFalse(initial.formSections().stream().anyMatch(s -> s.id().equals("changes")));
    }

    @Test
    void theHeaderSaysWhetherNotificationIsRequired() {
        IcoArt33Draft d = draft(incident(true, null, null, null));
        List<String[]> rows = IcoArt33Drafts.headerRows(d);
        assertEquals("yes: risk", rows.get(9)[1]);
        assertEquals("Notification assessed as required", rows.get(9)[0]);
        assertEquals(d.incidentId() + " (report 1)", rows.get(3)[1]);
    }

    private static Map<String, Long> officers(long perBand) {
        Map<String, Long> counters = new HashMap<>();
        for (Band band : Band.values()) {
            counters.put(Counters.staffTypeBand(StaffType.OFFICER, band), perBand);
            counters.put(Counters.band(band), perBand);
        }
        counters.put(Counters.PERSONS_TOTAL, 4 * perBand);
        counters.put(Counters.PERSONS_MATCHED, 4 * perBand);
        counters.put(Counters.ROWS_ACCEPTED, 4 * perBand);
        return counters;
    }
}
