package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.junit.jupiter.api.Test;

class IncidentIdsTest {
    private static IncidentMetadata metadata(String reference, String force) {
        return new IncidentMetadata("Acme", reference, Instant.EPOCH, true, Confidentiality.UNKNOWN_RECIPIENTS,
                Integrity.NONE, Availability.NONE, Set.of(), List.of(), force, List.of());
    }

    @Test
    void theSameForceAndReferenceAreOneIncidentHoweverTheyAreTyped() {
        String id = IncidentIds.derive("Metropolitan Police Service", "INC-2023-0826");

        assertTrue(IncidentIds.looksValid(id), id);
        assertEquals(id, IncidentIds.derive("  metropolitan   police service ", "inc-2023-0826 "));
        assertNotEquals(id, IncidentIds.derive("Metropolitan Police Service", "INC-2023-0827"));
        assertNotEquals(id, IncidentIds.derive("Police Service of Northern Ireland", "INC-2023-0826"),
                "two forces' incidents never merge");
    }

    @Test
    void theMetadatasForceWinsOverTheDeploymentsAndNoReferenceMeansTheManifestAlone() {
        String deployment = "Police force (set TRIAGE_FORCE)";
        assertEquals(IncidentIds.derive("Norfolk Constabulary", "R-1"),
                IncidentService.incidentIdFor(deployment, metadata("R-1", "Norfolk Constabulary"), "BT-0000000000000001"));
        assertEquals(IncidentIds.derive(deployment, "R-1"),
                IncidentService.incidentIdFor(deployment, metadata("R-1", null), "BT-0000000000000001"));
        String own = IncidentService.incidentIdFor(deployment, metadata("unreferenced", null), "BT-0000000000000001");
        assertEquals(IncidentIds.ofOwnManifest("BT-0000000000000001"), own);
        assertNotEquals(own, IncidentService.incidentIdFor(deployment, metadata(null, null), "BT-0000000000000002"));
    }

    @Test
    void onlyIncidentShapedTextIsAnIncidentId() {
        assertFalse(IncidentIds.looksValid("BT-0123456789abcdef"));
        assertFalse(IncidentIds.looksValid("IN-0123456789ABCDEF"));
        assertFalse(IncidentIds.looksValid("IN-0123"));
        assertFalse(IncidentIds.looksValid(null));
    }
}
