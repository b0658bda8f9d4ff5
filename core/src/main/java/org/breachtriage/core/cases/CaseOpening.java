package org.breachtriage.core.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;

/**
 * Builds a new case and makes the provisional Art. 33 decision at the moment of awareness (EDPB
 * 01/2021: assess when aware, do not wait for forensics). It starts the clock and the alerts; once
 * the incident's people are scored, {@link Art33Verdict} decides from the assessment.
 */
public final class CaseOpening {
    /** UK GDPR Art. 33(1): without undue delay and, where feasible, not later than 72 hours. */
    public static final Duration ART33_WINDOW = Duration.ofHours(72);

    private CaseOpening() {
    }

    public static CaseRecord newCase(String caseId, String incidentId, String source, String sourceVersion,
                                     IncidentMetadata incident, String policyVersion, Instant now) {
        Art33Decision art33 = art33(incident);
        // The regime the metadata states; a manifest that states none is UK GDPR until ingest finds a victim,
        // witness or suspect in it, which makes its incident DPA 2018 Part 3 (IncidentService#deriveRegime).
        Regime regime = incident.regime() != null ? incident.regime() : Regime.UK_GDPR;
        return new CaseRecord(caseId, incidentId, source, sourceVersion, CaseStatus.INGESTING, null, incident, regime,
                now, incident.awareAt().plus(ART33_WINDOW), art33.required(), art33.reasoning(), policyVersion, -1,
                Map.of());
    }

    public record Art33Decision(boolean required, String reasoning) {
    }

    /**
     * Notification is required unless the breach is unlikely to result in a risk. With no evidence that
     * confidentiality, integrity or availability was lost there is nothing to be at risk from; every other
     * case involving police workforce data is treated as a risk.
     */
    public static Art33Decision art33(IncidentMetadata incident) {
        boolean noLoss = incident.confidentiality() == Confidentiality.NO_EVIDENCE
                && incident.integrity() == Integrity.NONE
                && incident.availability() == Availability.NONE;
        if (noLoss) {
            return new Art33Decision(false, "No evidence that the data was disclosed, altered or lost: the breach is "
                    + "unlikely to result in a risk to people, so Art. 33 notification is not required. Recorded "
                    + "under Art. 33(5); reassess if new evidence arrives.");
        }
        StringBuilder why = new StringBuilder("Police workforce personal data was affected (");
        why.append("confidentiality: ").append(incident.confidentiality())
                .append(", integrity: ").append(incident.integrity())
                .append(", availability: ").append(incident.availability());
        if (incident.malicious()) {
            why.append(", malicious");
        }
        why.append("); a risk to the people concerned cannot be ruled out, so the ICO must be told within 72 hours "
                + "of awareness (UK GDPR Art. 33(1)).");
        return new Art33Decision(true, why.toString());
    }
}
