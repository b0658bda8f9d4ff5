package org.breachtriage.core.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.DataCategory;

/**
 * What the force knows about the incident as a whole. Where the supplier gave nothing, the
 * conservative assumption is used and said in {@code assumptions}, so the case record shows it.
 */
public record IncidentMetadata(
        String supplier,
        String reference,
        Instant awareAt,
        boolean malicious,
        Confidentiality confidentiality,
        Integrity integrity,
        Availability availability,
        Set<DataCategory> defaultExposedFields,
        List<String> assumptions) {

    public IncidentMetadata {
        defaultExposedFields = defaultExposedFields == null ? Set.of() : Set.copyOf(defaultExposedFields);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    }
}
