package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;
import org.junit.jupiter.api.Test;

/**
 * How the ledger keeps a person's echoes (the rank and vetting level a manifest repeats) when the
 * staff table does not know them, which is all the scorer has for such a person: within one
 * manifest the first echo given counts and a later row fills in one missing; across manifests the
 * first manifest's echo counts, and a later manifest's echo still reaches the score when the first
 * gave none. And the review note for a milder manifest is written once.
 */
class PersonLedgerEchoTest {
    private static final String INCIDENT = "IN-00000000000000f2";
    private static final Instant NOW = Instant.parse("2023-08-26T12:00:00Z");
    private static final IncidentMetadata MALICIOUS = new IncidentMetadata("Acme", "INC-2", NOW, true,
            Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, Set.of(), List.of());
    private static final IncidentMetadata MILD = new IncidentMetadata("Acme", "INC-2", NOW, false,
            Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, Set.of(), List.of());
    private static final Set<DataCategory> NAME_AND_VETTING = EnumSet.of(DataCategory.NAME, DataCategory.VETTING_LEVEL);

    private final ScoringPolicy policy = ScoringPolicy.loadDefault();
    private final PersonLedger ledger = new PersonLedger(new SeverityScorer(policy), policy, Clock.fixed(NOW, ZoneOffset.UTC));

    /** An unmatched person (no staff record): the echoes are all the scorer has. */
    private static Sighting leaver(String caseId, long batch, String rank, String vetting, IncidentMetadata incident) {
        return new Sighting(INCIDENT, caseId, batch, "LEAVER-1", NAME_AND_VETTING, rank, vetting, null, incident, true);
    }

    private IncidentPerson apply(IncidentPerson current, Sighting s) {
        return ledger.apply(current, s).orElseThrow(() -> new AssertionError("expected a write for " + s));
    }

    @Test
    void withinAManifestTheFirstEchoCountsAndALaterRowFillsInAMissingOne() {
        IncidentPerson first = apply(null, leaver("BT-a", 0, "Sergeant", null, MALICIOUS));
        assertEquals(2.125, first.assessment().score(), "DPC 1.5 (the rank echo makes an officer) x EI 0.75 + CB 1.0");

        IncidentPerson second = apply(first, leaver("BT-a", 1, "Inspector", "SC cleared", MALICIOUS));

        ManifestExposure exposure = second.manifest("BT-a").orElseThrow();
        assertEquals("Sergeant", exposure.echoedRank(), "the first rank echo stays");
        assertEquals("SC cleared", exposure.echoedVettingLevel(), "the missing vetting echo is filled in");
        assertEquals(3.0, second.assessment().dpc(), "SC from the echo: DPC raised to 3");
        assertEquals(Band.HIGH, second.band());
        assertEquals(Band.HIGH, exposure.band(), "the manifest's own band uses its echoes too");
    }

    @Test
    void aLaterManifestsEchoReachesTheScoreWhenTheFirstGaveNone() {
        IncidentPerson first = apply(null, leaver("BT-a", 0, null, null, MALICIOUS));
        assertEquals(1.0, first.assessment().dpc());

        IncidentPerson second = apply(first, leaver("BT-b", 0, null, "DV", MALICIOUS));

        assertEquals(EnumSet.copyOf(NAME_AND_VETTING), second.exposed(), "the same categories: only the echo is new");
        assertEquals(3.0, second.assessment().dpc(), "DV echoed by the second manifest");
        assertEquals(Band.HIGH, second.band());
        assertNull(second.manifest("BT-a").orElseThrow().echoedVettingLevel());
        assertEquals("DV", second.manifest("BT-b").orElseThrow().echoedVettingLevel());
    }

    @Test
    void acrossManifestsTheFirstManifestsEchoCounts() {
        IncidentPerson first = apply(null, leaver("BT-a", 0, null, "SC", MALICIOUS));
        IncidentPerson second = apply(first, leaver("BT-b", 0, null, "not a level", MALICIOUS));

        assertEquals(List.of(
                "Simple data is the most serious type exposed (name, vetting level): DPC starts at 1",
                "Vetting level SC exposed (as echoed in the manifest), which reveals a sensitive post: DPC raised to 3",
                "Name exposed for a person not in the staff table, so how rare the name is is unknown: assumed"
                        + " uncommon (EI 0.75)",
                "Unknown recipients, so the data may be in anyone's hands: CB +0.5",
                "Malicious breach (a deliberate attack or theft): CB +0.5",
                "Severity = DPC 3 x EI 0.75 + CB 1.0 = 3.25: band HIGH"), second.assessment().reasons());
        assertEquals(Band.LOW, second.manifest("BT-b").orElseThrow().band(),
                "the second manifest alone: its echo is not a level, so DPC 1 x 0.75 + 1.0 = 1.75");
    }

    @Test
    void aMilderManifestsReviewNoteIsWrittenOnceHoweverManyOfItsBatchesNameThePerson() {
        IncidentPerson told = apply(null, leaver("BT-a", 0, null, "SC", MALICIOUS));
        IncidentPerson once = apply(told, leaver("BT-b", 0, null, null, MILD));
        IncidentPerson twice = apply(once, new Sighting(INCIDENT, "BT-b", 1, "LEAVER-1", EnumSet.of(DataCategory.NAME,
                DataCategory.VETTING_LEVEL, DataCategory.PAY_NUMBER), null, null, null, MILD, true));

        assertEquals(Band.HIGH, twice.band(), "kept");
        assertEquals(List.of("Manifest BT-b alone would lower the band from HIGH to MEDIUM (milder circumstances or fewer"
                + " echoes); kept at HIGH: review"), twice.reviewNotes());
        assertEquals(told.assessment(), twice.assessment(), "the higher assessment is kept whole");
    }
}
