package org.breachtriage.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.model.Band;
import org.junit.jupiter.api.Test;

/** The incident's Art. 33 verdict: provisional while scoring, then from the bands and the mitigations. */
class Art33VerdictTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private static IncidentMetadata incident(boolean malicious, Confidentiality c, Availability a, Mitigations m) {
        return new IncidentMetadata("Acme", "INC-V", T0, malicious, c, Integrity.NONE, a, Set.of(), List.of(), null,
                List.of(), List.of(), m);
    }

    private static CaseRecord caseOf(String id, IncidentMetadata incident, CaseStatus status, long accepted) {
        CaseRecord opened = CaseOpening.newCase(id, "IN-1", id + ".csv", "v1", incident, "p1", T0);
        return opened.withIngestTotals(1, Map.of(Counters.ROWS_READ, Math.max(1, accepted), Counters.ROWS_ACCEPTED,
                accepted)).withStatus(status, null);
    }

    private static Map<String, Long> bands(long low, long medium, long high, long veryHigh) {
        return Map.of(Counters.PERSONS_TOTAL, low + medium + high + veryHigh, Counters.band(Band.LOW), low,
                Counters.band(Band.MEDIUM), medium, Counters.band(Band.HIGH), high, Counters.band(Band.VERY_HIGH), veryHigh);
    }

    private static final Mitigations ENCRYPTED = new Mitigations(Unintelligible.ENCRYPTED, null, null, null, null);

    @Test
    void whileAManifestIsBeingScoredTheOpeningDecisionStandsAndSaysItIsProvisional() {
        CaseRecord scoring = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, ENCRYPTED),
                CaseStatus.SCORING, 5);
        Art33Verdict v = Art33Verdict.decide(List.of(scoring), bands(5, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.provisional());
        assertTrue(v.required(), "at opening, a disclosure is a risk until the people are scored");
        assertTrue(v.reasoning().startsWith(Art33Verdict.PROVISIONAL + "Police workforce personal data was affected"),
                v.reasoning());
    }

    @Test
    void someoneAlreadyHighSettlesItWhileAnotherManifestIsStillBeingScored() {
        // Manifest A is scored, with a covert officer at VERY_HIGH; B, which says "no evidence of loss", is
        // still scoring (or stuck). Bands never go down, so the ICO is told now, not "provisionally not".
        CaseRecord scored = caseOf("BT-A", incident(true, Confidentiality.NO_EVIDENCE, Availability.NONE, Mitigations.NONE),
                CaseStatus.SCORED, 3);
        CaseRecord scoring = caseOf("BT-B", incident(false, Confidentiality.NO_EVIDENCE, Availability.NONE,
                Mitigations.NONE), CaseStatus.SCORING, 2);
        assertFalse(scoring.art33Required(), "B opened with 'not required' from its incident details alone");
        Art33Verdict v = Art33Verdict.decide(List.of(scored, scoring), bands(2, 0, 0, 1), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.required(), v.reasoning());
        assertFalse(v.provisional(), "more scoring cannot lower a band, so this is final");
        Art33Verdict medium = Art33Verdict.decide(List.of(scored, scoring), bands(2, 1, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(medium.required() && !medium.provisional(), medium.reasoning());
        Art33Verdict allLow = Art33Verdict.decide(List.of(scored, scoring), bands(3, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(allLow.provisional(), "everyone LOW so far: the opening decisions stand until B is scored");
    }

    @Test
    void aRestoreThatTookLongerThanADayDoesNotContainTheLoss() {
        CaseRecord slow = caseOf("BT-1", incident(true, Confidentiality.NO_EVIDENCE, Availability.TEMPORARY,
                new Mitigations(Unintelligible.NONE, Duration.ofDays(60), null, null, null)), CaseStatus.SCORED, 5);
        Art33Verdict v = Art33Verdict.decide(List.of(slow), bands(5, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.required());
        assertTrue(v.reasoning().contains("the restore from backup took 60 days, longer than 24 h"), v.reasoning());
    }

    @Test
    void onceScoredMitigationsAndLowBandsMeanNoReport() {
        CaseRecord scored = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, ENCRYPTED),
                CaseStatus.SCORED, 5);
        Art33Verdict v = Art33Verdict.decide(List.of(scored), bands(5, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertEquals(new Art33Verdict(Art33Verdict.NOT_REQUIRED, false, false, "Unlikely to result in a risk: none of the 5"
                + " people is assessed HIGH or above (highest band LOW), and the data was encrypted to a current standard"
                + " and the key was not compromised, so it is unintelligible to whoever holds it, and nothing was altered"
                + " or lost. No report to the ICO is required; this decision and its reasons are recorded under UK GDPR"
                + " Art. 33(5). Reassess if new evidence arrives."), v);
        assertTrue(Art33Verdict.decide(List.of(scored), bands(5, 0, 0, 0), Band.HIGH, Regime.DPA_2018_PART_3).reasoning()
                .contains("recorded under DPA 2018 s.67(6)"), "Part 3 cites its own record-keeping duty");
    }

    @Test
    void anyoneAboveLowMeansTheIcoIsToldWhateverTheMitigations() {
        // ENISA's medium severity is "significant inconveniences": a risk, so not unlikely to be one.
        CaseRecord scored = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, ENCRYPTED),
                CaseStatus.SCORED, 5);
        Art33Verdict v = Art33Verdict.decide(List.of(scored), bands(3, 2, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.required());
        assertEquals("2 of the 5 people are assessed above LOW (highest band MEDIUM): a medium severity means significant"
                + " inconveniences to them (ENISA), which is a risk, so the breach is not unlikely to result in a risk."
                + " The ICO must be told within 72 hours of awareness (UK GDPR Art. 33(1)).", v.reasoning());
    }

    @Test
    void anyoneHighMeansTheIcoIsToldWhateverTheMitigations() {
        CaseRecord scored = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, ENCRYPTED),
                CaseStatus.REPORTED, 5);
        Art33Verdict v = Art33Verdict.decide(List.of(scored), bands(4, 0, 1, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.required());
        assertEquals("1 of the 5 people is assessed HIGH or above (highest band HIGH): the breach is likely to result in a"
                + " high risk to them, so it cannot be unlikely to result in a risk. The ICO must be told within 72 hours"
                + " of awareness (UK GDPR Art. 33(1)).", v.reasoning());
    }

    @Test
    void aLowerNoticeThresholdLowersTheBarToo() {
        CaseRecord scored = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, ENCRYPTED),
                CaseStatus.SCORED, 5);
        assertTrue(Art33Verdict.decide(List.of(scored), bands(3, 2, 0, 0), Band.MEDIUM, Regime.UK_GDPR).required(),
                "a MEDIUM person due an Art. 34 notice cannot be in a breach unlikely to result in a risk");
    }

    @Test
    void everyManifestMustBeContainedAndTheUncontainedOneIsNamedInWords() {
        CaseRecord contained = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                ENCRYPTED), CaseStatus.SCORED, 3);
        CaseRecord restoredLate = caseOf("BT-2", incident(true, Confidentiality.NO_EVIDENCE, Availability.TEMPORARY,
                Mitigations.NONE), CaseStatus.SCORED, 2);
        Art33Verdict v = Art33Verdict.decide(List.of(contained, restoredLate), bands(5, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertTrue(v.required());
        assertTrue(v.reasoning().contains("the loss of integrity or availability (integrity: NONE, availability:"
                + " TEMPORARY) is not contained: no restore from backup is recorded"), v.reasoning());
        CaseRecord restored = caseOf("BT-2", incident(true, Confidentiality.NO_EVIDENCE, Availability.TEMPORARY,
                new Mitigations(Unintelligible.NONE, Duration.ofHours(3), null, null, null)), CaseStatus.SCORED, 2);
        assertFalse(Art33Verdict.decide(List.of(contained, restored), bands(5, 0, 0, 0), Band.HIGH, Regime.UK_GDPR).required());
    }

    @Test
    void noLossAtAllIsContainedButNotOnceSomeoneIsHigh() {
        CaseRecord quiet = caseOf("BT-1", incident(false, Confidentiality.NO_EVIDENCE, Availability.NONE, Mitigations.NONE),
                CaseStatus.SCORED, 2);
        assertFalse(Art33Verdict.decide(List.of(quiet), bands(2, 0, 0, 0), Band.HIGH, Regime.UK_GDPR).required());
        assertTrue(Art33Verdict.decide(List.of(quiet), bands(1, 0, 0, 1), Band.HIGH, Regime.UK_GDPR).required(),
                "no evidence of loss, yet a covert officer's face and name at VERY_HIGH: the invariant wins");
    }

    @Test
    void aManifestWithNoAcceptedRowGivesNoVerdict() {
        CaseRecord rejected = caseOf("BT-1", incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                Mitigations.NONE), CaseStatus.REPORTED, 0);
        Art33Verdict v = Art33Verdict.decide(List.of(rejected), bands(0, 0, 0, 0), Band.HIGH, Regime.UK_GDPR);
        assertEquals(Art33Verdict.NONE, v.verdict());
        assertFalse(v.required());
    }
}
