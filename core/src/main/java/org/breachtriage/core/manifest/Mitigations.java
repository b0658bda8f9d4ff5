package org.breachtriage.core.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What limits the harm of a breach, as the force states it in the incident details. Each is an
 * input to the ENISA score, the Art. 33 decision or the Art. 34(3) exemptions (docs/scoring.md,
 * "Mitigations and the Art. 33 decision"):
 *
 * @param unintelligible      the data was unintelligible to its recipients (never null; NONE by default)
 * @param recoveredWithin     the data was restored from backup within this time, or null
 * @param recipient           refines known recipients: trusted and deleted, or a single known person; or null
 * @param laterMeasures       measures taken since that make a high risk no longer likely (Art. 34(3)(b)), or null
 * @param publicCommunication the public communication made instead of individual notices (Art. 34(3)(c)), or null
 */
public record Mitigations(Unintelligible unintelligible, Duration recoveredWithin, Recipient recipient,
                          String laterMeasures, String publicCommunication) {
    /** Nothing stated: the default. */
    public static final Mitigations NONE = new Mitigations(Unintelligible.NONE, null, null, null, null);

    public Mitigations {
        unintelligible = unintelligible == null ? Unintelligible.NONE : unintelligible;
        laterMeasures = blankToNull(laterMeasures);
        publicCommunication = blankToNull(publicCommunication);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * One sentence per mitigation stated, saying what it does (for the case's decision log); fixed
     * words only: the free text of laterMeasures and publicCommunication is never repeated.
     */
    public List<String> effects() {
        List<String> effects = new ArrayList<>(5);
        if (unintelligibleData()) {
            effects.add("unintelligible: " + unintelligible + ": ease of identification is negligible (EI 0.25) for"
                    + " everyone; the disclosure counts as contained for Art. 33; Art. 34(3)(a) for anyone whose band"
                    + " calls for a notice");
        }
        if (recoveredWithin != null) {
            effects.add("recoveredWithin: " + recoveredWithin + ": no change to the score (a temporary loss is already"
                    + " counted as such); the loss of integrity or availability counts as contained for Art. 33");
        }
        if (recipient == Recipient.TRUSTED_DELETED) {
            effects.add("recipient: TRUSTED_DELETED: confidentiality adds nothing to CB; without malice the disclosure"
                    + " counts as contained for Art. 33");
        }
        if (recipient == Recipient.KNOWN_SINGLE) {
            effects.add("recipient: KNOWN_SINGLE: confidentiality adds CB +0.25 as for known recipients; without malice"
                    + " the disclosure counts as contained for Art. 33");
        }
        if (laterMeasures != null) {
            effects.add("laterMeasures given (recorded in the incident details): no change to the score; Art. 34(3)(b)"
                    + " for anyone whose band calls for a notice");
        }
        if (publicCommunication != null) {
            effects.add("publicCommunication given (recorded in the incident details): no change to the score;"
                    + " Art. 34(3)(c) for anyone whose band calls for a notice, who gets no individual message");
        }
        return effects;
    }

    public boolean unintelligibleData() {
        return unintelligible != Unintelligible.NONE;
    }

    /**
     * Whether the incident details contain the breach, dimension by dimension: every dimension that
     * was hit must be covered by a circumstance that removes its harm (encryption does nothing for
     * data that was unavailable for days, a restore from backup nothing for data that was disclosed).
     *
     * <ul>
     *   <li>Confidentiality, when lost, is covered by unintelligible data; or, without malice, by a
     *       trusted recipient who confirmed deleting it, by one known recipient, or (when every person is
     *       LOW) by known recipients, who can be asked to delete it. With malice the recipient's
     *       intentions give no reassurance (EDPB 01/2021, Case 08).</li>
     *   <li>Integrity and availability, when lost, are covered by a restore from backup.</li>
     * </ul>
     *
     * @param everyoneLow nobody in the incident is above LOW
     * @return the covering circumstances in fixed words (never the free text of the fields), or the
     *         dimension left uncovered
     */
    public static Containment containment(IncidentMetadata incident, boolean everyoneLow) {
        Mitigations m = incident.mitigations();
        List<String> because = new ArrayList<>(2);
        String confidentiality = switch (incident.confidentiality() == null ? Confidentiality.UNKNOWN_RECIPIENTS
                : incident.confidentiality()) {
            case NO_EVIDENCE -> "there is no evidence that the data was disclosed";
            case KNOWN_RECIPIENTS, UNKNOWN_RECIPIENTS -> coveredDisclosure(incident, m, everyoneLow);
        };
        if (confidentiality == null) {
            return new Containment(List.of(), "the disclosure (" + incident.confidentiality()
                    + (incident.malicious() ? ", malicious" : "") + ") is not contained: the data is not unintelligible"
                    + (incident.malicious() ? ", and with malice no recipient gives reassurance"
                    : ", and no trusted recipient deleted it nor did it reach one known person only"));
        }
        because.add(confidentiality);
        boolean lost = incident.integrity() != null && incident.integrity() != Integrity.NONE
                || incident.availability() != null && incident.availability() != Availability.NONE;
        if (!lost) {
            because.add("nothing was altered or lost");
        } else if (m.recoveredWithin() != null) {
            because.add("the data was restored from backup within " + m.recoveredWithin());
        } else {
            return new Containment(List.of(), "the loss of integrity or availability (integrity: " + incident.integrity()
                    + ", availability: " + incident.availability() + ") is not contained: no restore from backup is"
                    + " recorded");
        }
        return new Containment(because, null);
    }

    private static String coveredDisclosure(IncidentMetadata incident, Mitigations m, boolean everyoneLow) {
        if (m.unintelligibleData()) {
            return m.unintelligible() == Unintelligible.ENCRYPTED
                    ? "the data was encrypted to a current standard and the key was not compromised, so it is"
                    + " unintelligible to whoever holds it"
                    : "the data was hashed and salted with a current algorithm, so it is unintelligible to whoever"
                    + " holds it";
        }
        if (incident.malicious() || incident.confidentiality() != Confidentiality.KNOWN_RECIPIENTS) {
            return null;
        }
        if (m.recipient() == Recipient.TRUSTED_DELETED) {
            return "the breach was not malicious, and its only recipient is trusted and confirmed deleting the data";
        }
        if (m.recipient() == Recipient.KNOWN_SINGLE) {
            return "the breach was not malicious, and the data reached one known person only";
        }
        return everyoneLow ? "the breach was not malicious, the data reached known recipients only, who can be asked"
                + " to delete it, and everyone is LOW" : null;
    }

    /**
     * @param because   the circumstances that contain the breach, one per dimension; empty when not contained
     * @param uncovered what is not contained, in words; null when contained
     */
    public record Containment(List<String> because, String uncovered) {
        public boolean contained() {
            return uncovered == null;
        }
    }
}
