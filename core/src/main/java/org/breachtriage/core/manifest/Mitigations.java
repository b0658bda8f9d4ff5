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

    public boolean unintelligibleData() {
        return unintelligible != Unintelligible.NONE;
    }

    /**
     * The circumstances that contain the breach so that it is unlikely to result in a risk, given the
     * rest of the incident details, each in fixed words (never the free text of the fields): the
     * data was unintelligible; nothing was disclosed and it was restored; or, without malice, the
     * only recipient was trusted and deleted it, or was one known person. A breach with no loss at
     * all counts too. Empty when none applies.
     */
    public static List<String> containing(IncidentMetadata incident) {
        Mitigations m = incident.mitigations();
        List<String> found = new ArrayList<>(2);
        boolean noDisclosure = incident.confidentiality() == Confidentiality.NO_EVIDENCE;
        if (noDisclosure && incident.integrity() == Integrity.NONE && incident.availability() == Availability.NONE) {
            found.add("there is no evidence that the data was disclosed, altered or lost");
        }
        if (m.unintelligibleData()) {
            found.add(m.unintelligible() == Unintelligible.ENCRYPTED
                    ? "the data was encrypted to a current standard and the key was not compromised, so it is"
                    + " unintelligible to whoever holds it (Art. 34(3)(a))"
                    : "the data was hashed and salted with a current algorithm, so it is unintelligible to whoever"
                    + " holds it (Art. 34(3)(a))");
        }
        if (noDisclosure && m.recoveredWithin() != null) {
            found.add("there is no evidence that the data was disclosed, and it was restored from backup within "
                    + m.recoveredWithin());
        }
        if (!incident.malicious() && m.recipient() == Recipient.TRUSTED_DELETED) {
            found.add("the breach was not malicious, and its only recipient is trusted and confirmed deleting the data");
        }
        if (!incident.malicious() && m.recipient() == Recipient.KNOWN_SINGLE) {
            found.add("the breach was not malicious, and the data reached one known person only");
        }
        return found;
    }
}
