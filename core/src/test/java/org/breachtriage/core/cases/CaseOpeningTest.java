package org.breachtriage.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.junit.jupiter.api.Test;

/** The Art. 33 decision a case opens with: not required only when nothing was disclosed, altered or lost. */
class CaseOpeningTest {
    private static IncidentMetadata incident(Confidentiality c, Integrity i, Availability a, boolean malicious) {
        return new IncidentMetadata("Acme", "INC-1", Instant.EPOCH, malicious, c, i, a, Set.of(), List.of());
    }

    @Test
    void nothingDisclosedAlteredOrLostIsNotNotifiable() {
        assertEquals(new CaseOpening.Art33Decision(false, "No evidence that the data was disclosed, altered or lost: the"
                + " breach is unlikely to result in a risk to people, so Art. 33 notification is not required. Recorded"
                + " under Art. 33(5); reassess if new evidence arrives."),
                CaseOpening.art33(incident(Confidentiality.NO_EVIDENCE, Integrity.NONE, Availability.NONE, true)));
    }

    @Test
    void anyOneLossMakesItNotifiableAndTheReasoningSaysWhich() {
        assertEquals(new CaseOpening.Art33Decision(true, "Police workforce personal data was affected (confidentiality:"
                + " KNOWN_RECIPIENTS, integrity: NONE, availability: NONE); a risk to the people concerned cannot be ruled"
                + " out, so the ICO must be told within 72 hours of awareness (UK GDPR Art. 33(1))."),
                CaseOpening.art33(incident(Confidentiality.KNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, false)));
        assertEquals(true, CaseOpening.art33(incident(Confidentiality.NO_EVIDENCE, Integrity.RECOVERABLE, Availability.NONE,
                false)).required());
        assertEquals(true, CaseOpening.art33(incident(Confidentiality.NO_EVIDENCE, Integrity.NONE, Availability.TEMPORARY,
                false)).required());
        assertEquals("Police workforce personal data was affected (confidentiality: UNKNOWN_RECIPIENTS, integrity: NONE,"
                + " availability: NONE, malicious); a risk to the people concerned cannot be ruled out, so the ICO must be"
                + " told within 72 hours of awareness (UK GDPR Art. 33(1)).",
                CaseOpening.art33(incident(Confidentiality.UNKNOWN_RECIPIENTS, Integrity.NONE, Availability.NONE, true))
                        .reasoning());
    }
}
