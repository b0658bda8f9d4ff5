package org.breachtriage.core.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.DataCategory;

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
    /**
     * The longest restore from backup that counts as containing a loss of integrity or availability.
     * ENISA counts a temporary loss because it "can be detrimental for the individual"; EDPB Case 01's
     * restore took hours, Case 02's rebuild days. A day without one's data is the most this project
     * treats as no harm; a longer restore is written in the reasons and the ICO is told.
     */
    public static final Duration PROMPT_RESTORE = Duration.ofHours(24);

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
        if (unintelligible == Unintelligible.ENCRYPTED) {
            effects.add("unintelligible: ENCRYPTED: where only confidentiality was lost (or the rest was restored within "
                    + hours(PROMPT_RESTORE) + "), ease of identification is negligible (EI 0.25) for everyone, the"
                    + " disclosure counts as contained for Art. 33, and Art. 34(3)(a) applies to anyone whose band calls"
                    + " for a notice; encryption does nothing for data that was lost or altered");
        }
        if (unintelligible == Unintelligible.HASHED_SALTED) {
            effects.add("unintelligible: HASHED_SALTED: exposed credentials are scored as hashed credentials; the rest"
                    + " of the data was not hashed, so it is scored as it is, the disclosure counts as contained for"
                    + " Art. 33 only where nothing but credentials was exposed, and Art. 34(3)(a) applies only to a"
                    + " person whose only exposed data is credentials");
        }
        if (recoveredWithin != null) {
            effects.add("recoveredWithin: " + hours(recoveredWithin) + ": no change to the score (a temporary loss is"
                    + " already counted as such); " + (restoredPromptly()
                    ? "the loss of integrity or availability counts as contained for Art. 33"
                    : "longer than " + hours(PROMPT_RESTORE) + ", so the loss of integrity or availability does not"
                    + " count as contained for Art. 33"));
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

    /** Restored from backup within {@link #PROMPT_RESTORE}. */
    public boolean restoredPromptly() {
        return recoveredWithin != null && recoveredWithin.compareTo(PROMPT_RESTORE) <= 0;
    }

    /**
     * Integrity or availability was lost and not restored promptly: harm encryption cannot prevent (a
     * patient whose records are gone is harmed whether or not the attacker can read them).
     */
    public static boolean lossBeyondConfidentiality(IncidentMetadata incident) {
        if (incident == null) {
            return false;
        }
        boolean lost = incident.integrity() != null && incident.integrity() != Integrity.NONE
                || incident.availability() != null && incident.availability() != Availability.NONE;
        return lost && !incident.mitigations().restoredPromptly();
    }

    /** "6 h", "60 days" rather than ISO-8601's "PT1440H". */
    public static String hours(Duration d) {
        long h = d.toHours();
        if (h >= 48 && h % 24 == 0) {
            return (h / 24) + " days";
        }
        return h >= 1 ? h + " h" : d.toMinutes() + " min";
    }

    /**
     * Whether the incident details contain the breach, dimension by dimension: every dimension that
     * was hit must be covered by a circumstance that removes its harm (encryption does nothing for
     * data that was unavailable for days, a restore from backup nothing for data that was disclosed).
     *
     * <ul>
     *   <li>Confidentiality, when lost, is covered by encrypted data, or by hashed and salted data when
     *       nothing but credentials was exposed; or, without malice, by a trusted recipient who confirmed
     *       deleting it, by one known recipient, or by known recipients, who can be asked to delete it
     *       (everyone is LOW when this is asked). With malice the recipient's intentions give no
     *       reassurance (EDPB 01/2021, Case 08).</li>
     *   <li>Integrity and availability, when lost, are covered by a restore from backup within
     *       {@link #PROMPT_RESTORE}.</li>
     * </ul>
     *
     * @param exposed the categories exposed anywhere in the incident
     * @return the covering circumstances in fixed words (never the free text of the fields), or the
     *         dimension left uncovered
     */
    public static Containment containment(IncidentMetadata incident,
                                          Set<DataCategory> exposed) {
        Mitigations m = incident.mitigations();
        List<String> because = new ArrayList<>(2);
        String confidentiality = switch (incident.confidentiality() == null ? Confidentiality.UNKNOWN_RECIPIENTS
                : incident.confidentiality()) {
            case NO_EVIDENCE -> "there is no evidence that the data was disclosed";
            case KNOWN_RECIPIENTS, UNKNOWN_RECIPIENTS -> coveredDisclosure(incident, m, exposed);
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
        } else if (m.restoredPromptly()) {
            because.add("the data was restored from backup within " + hours(m.recoveredWithin()));
        } else if (m.recoveredWithin() != null) {
            return new Containment(List.of(), "the loss of integrity or availability (integrity: " + incident.integrity()
                    + ", availability: " + incident.availability() + ") is not contained: the restore from backup took "
                    + hours(m.recoveredWithin()) + ", longer than " + hours(PROMPT_RESTORE));
        } else {
            return new Containment(List.of(), "the loss of integrity or availability (integrity: " + incident.integrity()
                    + ", availability: " + incident.availability() + ") is not contained: no restore from backup is"
                    + " recorded");
        }
        return new Containment(because, null);
    }

    private static String coveredDisclosure(IncidentMetadata incident, Mitigations m,
                                            Set<DataCategory> exposed) {
        if (m.unintelligible() == Unintelligible.ENCRYPTED) {
            return "the data was encrypted to a current standard and the key was not compromised, so it is"
                    + " unintelligible to whoever holds it";
        }
        if (m.unintelligible() == Unintelligible.HASHED_SALTED && onlyCredentials(exposed)) {
            return "nothing but credentials was exposed, and they were hashed and salted with a current algorithm, so"
                    + " they are unintelligible to whoever holds them";
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
        // Only reached when everyone is LOW (the Art. 33 rule's first condition).
        return "the breach was not malicious, the data reached known recipients only, who can be asked"
                + " to delete it, and everyone is LOW";
    }

    /** Every exposed category is a credential: what hashing protects, and all it protects. */
    public static boolean onlyCredentials(Set<DataCategory> exposed) {
        return exposed != null && !exposed.isEmpty() && exposed.stream().allMatch(c ->
                c == DataCategory.CREDENTIALS || c == DataCategory.CREDENTIALS_HASHED);
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
