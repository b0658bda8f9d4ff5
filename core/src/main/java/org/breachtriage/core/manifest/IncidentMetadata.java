package org.breachtriage.core.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.DataCategory;

/**
 * What the force knows about the incident as a whole. Where the supplier gave nothing, the
 * conservative assumption is used and said in {@code assumptions}, so the case record shows it.
 *
 * <p>{@code reference} names the incident a manifest belongs to: every manifest with the same force
 * and reference joins one incident. {@code force} is the controller where the metadata names it
 * (null: the deployment's {@code TRIAGE_FORCE}). {@code supersedes} lists manifests, by source key or
 * case id, whose rows this one replaces.
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
        List<String> assumptions,
        String force,
        List<String> supersedes) {

    public IncidentMetadata {
        defaultExposedFields = defaultExposedFields == null ? Set.of() : Set.copyOf(defaultExposedFields);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        force = force == null || force.isBlank() ? null : force.trim();
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
    }

    /** Metadata that names no force and supersedes nothing. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, null, List.of());
    }

    /** The same metadata with another awareness time (an incident's is the earliest of its manifests'). */
    public IncidentMetadata withAwareAt(Instant earliest) {
        return new IncidentMetadata(supplier, reference, earliest, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, force, supersedes);
    }

    /** True when a reference was given, so the manifest can join other manifests of the same incident. */
    public boolean hasReference() {
        return reference != null && !reference.isBlank() && !IncidentMetadataLoader.UNREFERENCED.equals(reference);
    }
}
