package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * One manifest of an incident. Its row accounting and status stay on its case; the incident keeps
 * which manifests it has, when each joined, what each says about awareness, and whether a later one
 * superseded it (its rows then no longer count towards the incident's figures).
 *
 * @param supersededBy the case id of the manifest that replaced this one, or null
 */
public record IncidentManifest(String caseId, String source, Instant awareAt, Instant joinedAt, String supersededBy) {

    public boolean superseded() {
        return supersededBy != null;
    }

    public IncidentManifest withAwareAt(Instant corrected) {
        return new IncidentManifest(caseId, source, corrected, joinedAt, supersededBy);
    }

    public IncidentManifest supersededBy(String caseId) {
        return new IncidentManifest(this.caseId, source, awareAt, joinedAt, caseId);
    }
}
