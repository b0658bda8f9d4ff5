package org.breachtriage.core.scoring;

import static org.breachtriage.core.scoring.ScoringFixtures.exposed;
import static org.breachtriage.core.scoring.ScoringFixtures.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.manifest.Recipient;
import org.breachtriage.core.manifest.Unintelligible;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.junit.jupiter.api.Test;

/**
 * What each mitigation does to a person's score and notice, said in the reasons: unintelligible data
 * makes EI negligible; a trusted recipient who deleted the data adds no CB; one known recipient adds
 * what known recipients add; a restore is written down and changes nothing; and a band that calls for
 * an Art. 34 notice is exempted under Art. 34(3)(a), (b) or (c), in that order, with no individual
 * notice and the general communication covering the person.
 */
class MitigationScoringTest {
    private static final ScoringPolicy POLICY = ScoringPolicy.loadDefault();
    private static final SeverityScorer SCORER = new SeverityScorer(POLICY);
    /** A covert officer, common name, with name, rank and photo: VERY_HIGH in the Met case. */
    private static final Set<org.breachtriage.core.model.DataCategory> LEAK = exposed("name;rank;photo");

    private static IncidentMetadata incident(boolean malicious, Confidentiality c, Availability a, Mitigations m) {
        return new IncidentMetadata("Acme", "INC-M", Instant.parse("2026-11-30T09:00:00Z"), malicious, c, Integrity.NONE,
                a, Set.of(), List.of(), null, List.of(), List.of(), m);
    }

    private static Mitigations only(Unintelligible u, Duration d, Recipient r, String later, String published) {
        return new Mitigations(u, d, r, later, published);
    }

    private static Assessment covert(IncidentMetadata incident) {
        return SCORER.assess(new ScoringInput(LEAK, officer(NameRarity.COMMON, RoleFlag.COVERT), null, null, incident));
    }

    @Test
    void encryptedDataCannotBeAttributedSoEiIsNegligible() {
        Assessment a = covert(incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.ENCRYPTED, null, null, null, null)));
        assertEquals(0.25, a.ei());
        assertEquals(4 * 0.25 + 1.0, a.score());
        assertEquals(Band.MEDIUM, a.band());
        assertTrue(a.reasons().contains("Data encrypted to a current standard and the key not compromised:"
                + " unintelligible, so it cannot be attributed to anyone (ENISA: unintelligibility of data; EI 0.25)"),
                a.reasons().toString());
        assertFalse(a.exempt(), "MEDIUM calls for no Art. 34 notice, so there is nothing to exempt");
    }

    @Test
    void hashingProtectsTheCredentialsAndNothingElse() {
        // A covert officer's name and photo in the clear beside hashed passwords: still VERY_HIGH.
        IncidentMetadata hashed = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.HASHED_SALTED, null, null, null, null));
        Assessment covert = SCORER.assess(new ScoringInput(exposed("name;photo;home_address;credentials"),
                officer(NameRarity.COMMON, RoleFlag.COVERT), null, null, hashed));
        assertEquals(1.0, covert.ei());
        assertEquals(Band.VERY_HIGH, covert.band());
        assertTrue(covert.reasons().getFirst().startsWith("Credentials hashed and salted"), covert.reasons().toString());
        assertEquals(Art34Exemption.NONE, covert.art34Exemption());
        assertTrue(covert.reasons().getLast().startsWith("Art. 34(3)(a) considered and not applied: only credentials"
                + " were hashed"), covert.reasons().getLast());
        assertTrue(POLICY.decide(covert, officer(NameRarity.COMMON, RoleFlag.COVERT)).sendsNotice());
        // Credentials scored as hashed: the same person's clear-text log-in would start at DPC 4.
        Assessment onlyLogin = SCORER.assess(new ScoringInput(exposed("credentials"), null, null, null, hashed));
        assertEquals(2, onlyLogin.dpc());
    }

    @Test
    void encryptionDoesNothingForDataThatWasLostOrAltered() {
        IncidentMetadata lost = new IncidentMetadata("Acme", "INC-M", Instant.parse("2026-11-30T09:00:00Z"), true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.UNRECOVERABLE, Availability.PERMANENT, Set.of(), List.of(),
                null, List.of(), List.of(), only(Unintelligible.ENCRYPTED, null, null, null, null));
        Assessment a = covert(lost);
        assertEquals(1.0, a.ei());
        assertEquals(Band.VERY_HIGH, a.band());
        assertTrue(a.reasons().stream().anyMatch(r -> r.startsWith("Data encrypted, but it was also lost or altered")),
                a.reasons().toString());
        assertEquals(Art34Exemption.NONE, a.art34Exemption());
        // Restored within the day, it is a confidentiality breach again, and the encryption counts.
        IncidentMetadata restored = new IncidentMetadata("Acme", "INC-M", Instant.parse("2026-11-30T09:00:00Z"), true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.TEMPORARY, Set.of(), List.of(),
                null, List.of(), List.of(), only(Unintelligible.ENCRYPTED, Duration.ofHours(6), null, null, null));
        assertEquals(0.25, covert(restored).ei());
        // ... but not after two days without the data.
        IncidentMetadata slow = new IncidentMetadata("Acme", "INC-M", Instant.parse("2026-11-30T09:00:00Z"), true,
                Confidentiality.UNKNOWN_RECIPIENTS, Integrity.RECOVERABLE, Availability.TEMPORARY, Set.of(), List.of(),
                null, List.of(), List.of(), only(Unintelligible.ENCRYPTED, Duration.ofHours(48), null, null, null));
        assertEquals(1.0, covert(slow).ei());
    }

    @Test
    void aTrustedRecipientWhoDeletedTheDataAddsNoCb() {
        Assessment a = covert(incident(false, Confidentiality.KNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.NONE, null, Recipient.TRUSTED_DELETED, null, null)));
        assertEquals(0, a.cb().total());
        assertTrue(a.reasons().contains("Known recipient only, trusted and confirmed deleting the data: no further"
                + " processing, so confidentiality adds nothing (CB +0)"), a.reasons().toString());
        assertFalse(a.reasons().stream().anyMatch(r -> r.startsWith("No evidence the data reached anyone")),
                "it did reach someone");
        Assessment single = covert(incident(false, Confidentiality.KNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.NONE, null, Recipient.KNOWN_SINGLE, null, null)));
        assertEquals(0.25, single.cb().confidentiality());
        assertTrue(single.reasons().contains("One known recipient only: CB +0.25"));
    }

    @Test
    void aRestoreIsWrittenDownAndChangesNothing() {
        Assessment without = covert(incident(true, Confidentiality.NO_EVIDENCE, Availability.TEMPORARY, Mitigations.NONE));
        Assessment restored = covert(incident(true, Confidentiality.NO_EVIDENCE, Availability.TEMPORARY,
                only(Unintelligible.NONE, Duration.ofHours(4), null, null, null)));
        assertEquals(without.score(), restored.score());
        assertTrue(restored.reasons().contains("Data restored from backup within 4 h: the loss of availability or"
                + " integrity was temporary and is counted as such, no more"), restored.reasons().toString());
    }

    @Test
    void art34Exemption3aForEncryptedDataAtANoticeThresholdOfMedium() {
        // Encryption that counts keeps everyone below HIGH (4 x 0.25 + 1.0 = 2.0 at most without other
        // losses), so (a) matters where the policy notifies from MEDIUM.
        ScoringPolicy medium = ScoringPolicy.load("medium.json", new java.io.ByteArrayInputStream(("{\"version\": \"t-1\","
                + " \"description\": \"test\", \"noticeAtOrAbove\": \"MEDIUM\", \"bands\": {"
                + "\"LOW\": {\"channel\": \"NONE\", \"release\": \"auto\"},"
                + "\"MEDIUM\": {\"channel\": \"EMAIL\", \"templateId\": \"m\", \"release\": \"auto\"},"
                + "\"HIGH\": {\"channel\": \"LETTER\", \"templateId\": \"h\", \"release\": \"one\"},"
                + "\"VERY_HIGH\": {\"channel\": \"IN_PERSON\", \"templateId\": \"v\", \"release\": \"two\"}},"
                + " \"generalCommunication\": {\"templateId\": \"g\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Assessment a = new SeverityScorer(medium).assess(new ScoringInput(LEAK, officer(NameRarity.COMMON, RoleFlag.COVERT),
                null, null, incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                        only(Unintelligible.ENCRYPTED, null, null, null, null))));
        assertEquals(Band.MEDIUM, a.band());
        assertEquals(Art34Exemption.UNINTELLIGIBLE, a.art34Exemption());
        assertEquals("Art. 34(3)(a): the data was unintelligible to whoever holds it (encrypted with a key that was not"
                + " compromised, or hashed and salted), so no Art. 34 notice is sent although band MEDIUM would call for"
                + " one", a.reasons().getLast());
        NoticeDecision d = medium.decide(a, officer(NameRarity.COMMON));
        assertFalse(d.required());
        assertEquals(ContactChannel.NONE, d.channel());
        assertNull(d.templateId());
        assertTrue(d.reason().startsWith("No Art. 34 notice although band MEDIUM is at or above the notice threshold"
                + " MEDIUM (policy t-1): exempt under Art. 34(3)(a)"), d.reason());
        assertTrue(d.reason().endsWith("the general staff communication covers them."), d.reason());
    }

    @Test
    void art34Exemption3bOnlyWhereLaterMeasuresChangeWhatPutsThePersonAtRisk() {
        IncidentMetadata revoked = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.NONE, null, null, "Credentials revoked", null));
        // A constable whose name and force log-in leaked: the log-in makes them VERY_HIGH; revoked, it
        // no longer can, and without it they are LOW (1.5 x 0.5 + 1.0 = 1.75).
        Assessment credentials = SCORER.assess(new ScoringInput(exposed("name;rank;credentials"),
                officer(NameRarity.COMMON), null, null, revoked));
        assertTrue(credentials.band().atLeast(Band.HIGH), credentials.toString());
        assertEquals(Art34Exemption.LATER_MEASURES, credentials.art34Exemption());
        assertTrue(credentials.reasons().getLast().startsWith("Art. 34(3)(b): measures taken since the breach"),
                credentials.reasons().getLast());
        assertTrue(credentials.reasons().getLast().contains("without it they are band LOW"),
                credentials.reasons().getLast());
        assertFalse(credentials.reasons().stream().anyMatch(r -> r.contains("Credentials revoked")),
                "free text never in reasons");
        // A covert officer's face and name cannot be revoked: the notice stands, and the reasons say why.
        Assessment covert = covert(revoked);
        assertEquals(Band.VERY_HIGH, covert.band());
        assertEquals(Art34Exemption.NONE, covert.art34Exemption());
        assertTrue(covert.reasons().getLast().startsWith("Art. 34(3)(b) considered and not applied"),
                covert.reasons().getLast());
        assertTrue(POLICY.decide(covert, officer(NameRarity.COMMON, RoleFlag.COVERT)).sendsNotice());
    }

    @Test
    void art34Exemption3cOnlyForSomeoneTheForceCannotReach() {
        IncidentMetadata published = incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                only(Unintelligible.NONE, null, null, null, "Published"));
        // In the staff table: the force can write to them, so a public communication replaces nothing.
        Assessment known = covert(published);
        assertEquals(Art34Exemption.NONE, known.art34Exemption());
        assertTrue(known.reasons().getLast().startsWith("Art. 34(3)(c) considered and not applied"),
                known.reasons().getLast());
        // A pay number the staff table does not know, "SC cleared" echoed: HIGH, and nobody to write to.
        Assessment unknown = SCORER.assess(new ScoringInput(exposed("name;vetting_level"), null, null, "SC", published));
        assertEquals(Band.HIGH, unknown.band());
        assertEquals(Art34Exemption.PUBLIC_COMMUNICATION, unknown.art34Exemption());
        NoticeDecision d = POLICY.decide(unknown, null);
        assertFalse(d.sendsNotice());
        assertTrue(d.reason().contains("exempt under Art. 34(3)(c)"), d.reason());
        assertTrue(d.reason().endsWith("covers them with the public communication."), d.reason());
        // A victim the manifest says how to reach is not exempt either.
        Assessment victim = SCORER.assess(new ScoringInput(exposed("name;home_address;date_of_birth"), null, null, null,
                published, org.breachtriage.core.model.SubjectType.VICTIM));
        assertTrue(victim.band().atLeast(Band.HIGH), victim.toString());
        assertEquals(Art34Exemption.NONE, victim.art34Exemption());
    }

    @Test
    void art34ExemptionsInTheArticlesOrder() {
        // A revoked log-in and a public communication, for someone the force cannot reach: (b) first.
        Assessment a = SCORER.assess(new ScoringInput(exposed("name;credentials"), null, null, null,
                incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                        only(Unintelligible.NONE, null, null, "Credentials revoked", "Published"))));
        assertEquals(Art34Exemption.LATER_MEASURES, a.art34Exemption(), "(b) before (c)");
    }

    @Test
    void belowTheThresholdNothingIsExemptedAndTheInformationMessageStays() {
        Assessment a = SCORER.assess(new ScoringInput(exposed("name;rank;photo"), officer(NameRarity.COMMON), null, null,
                incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE,
                        only(Unintelligible.NONE, null, null, "Credentials revoked", null))));
        assertEquals(Band.MEDIUM, a.band());
        assertFalse(a.exempt());
        assertEquals(POLICY.decide(Band.MEDIUM, officer(NameRarity.COMMON)), POLICY.decide(a, officer(NameRarity.COMMON)));
    }

    @Test
    void withoutMitigationsNothingChanges() {
        Assessment none = covert(incident(true, Confidentiality.UNKNOWN_RECIPIENTS, Availability.NONE, Mitigations.NONE));
        Assessment plain = SCORER.assess(new ScoringInput(LEAK, officer(NameRarity.COMMON, RoleFlag.COVERT), null, null,
                ScoringFixtures.MALICIOUS_UNKNOWN));
        assertEquals(plain.score(), none.score());
        assertEquals(plain.reasons(), none.reasons());
        assertFalse(none.exempt());
        assertEquals(POLICY.decide(none.band(), null), POLICY.decide(none, null));
    }
}
