package org.breachtriage.core.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;

/**
 * What the force knows about the incident as a whole. Where the supplier gave nothing, the
 * conservative assumption is used and said in {@code assumptions}, so the case record shows it.
 *
 * <p>{@code reference} names the incident a manifest belongs to: every manifest with the same force
 * and reference joins one incident. {@code force} is the controller where the metadata names it
 * (null: the deployment's {@code TRIAGE_FORCE}). {@code supersedes} lists manifests, by source key or
 * case id, whose rows this one replaces. {@code warnings} name what the source said that was not
 * understood (an unknown field such as {@code malicous}): never a value, only the field's name; they
 * are printed as {@code triage: warning:} lines and go in the case's decision log. {@code mitigations}
 * are what limits the harm (never null: {@link Mitigations#NONE} when none is stated). {@code regime}
 * is the legal regime the metadata states, or null when it says none (it is then derived from the
 * manifest's subjects: see {@code IncidentService#deriveRegime}).
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
        List<String> supersedes,
        List<String> warnings,
        Mitigations mitigations,
        Regime regime) {

    public IncidentMetadata {
        mitigations = mitigations == null ? Mitigations.NONE : mitigations;
        defaultExposedFields = defaultExposedFields == null ? Categories.ofMask(0) : Categories.immutable(defaultExposedFields);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        force = force == null || force.isBlank() ? null : force.trim();
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Metadata that states no mitigation and no regime. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions, String force,
                            List<String> supersedes, List<String> warnings) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability, defaultExposedFields,
                assumptions, force, supersedes, warnings, Mitigations.NONE, null);
    }

    /** Metadata that states these mitigations and no regime. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions, String force,
                            List<String> supersedes, List<String> warnings, Mitigations mitigations) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability, defaultExposedFields,
                assumptions, force, supersedes, warnings, mitigations, null);
    }

    /** Metadata that states this regime and no mitigation. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions, String force,
                            List<String> supersedes, List<String> warnings, Regime regime) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability, defaultExposedFields,
                assumptions, force, supersedes, warnings, Mitigations.NONE, regime);
    }

    /** The same metadata stating this regime. */
    public IncidentMetadata withRegime(Regime stated) {
        return new IncidentMetadata(supplier, reference, awareAt, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, force, supersedes, warnings, mitigations, stated);
    }

    /** Metadata with nothing to warn about. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions, String force,
                            List<String> supersedes) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability, defaultExposedFields,
                assumptions, force, supersedes, List.of());
    }

    /** Metadata that names no force and supersedes nothing. */
    public IncidentMetadata(String supplier, String reference, Instant awareAt, boolean malicious,
                            Confidentiality confidentiality, Integrity integrity, Availability availability,
                            Set<DataCategory> defaultExposedFields, List<String> assumptions) {
        this(supplier, reference, awareAt, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, null, List.of(), List.of());
    }

    /** The same metadata with another awareness time (an incident's is the earliest of its manifests'). */
    public IncidentMetadata withAwareAt(Instant earliest) {
        return new IncidentMetadata(supplier, reference, earliest, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, force, supersedes, warnings, mitigations, regime);
    }

    /** The same metadata with these mitigations. */
    public IncidentMetadata withMitigations(Mitigations changed) {
        return new IncidentMetadata(supplier, reference, awareAt, malicious, confidentiality, integrity, availability,
                defaultExposedFields, assumptions, force, supersedes, warnings, changed, regime);
    }

    /**
     * The fields, other than the awareness time, whose values differ from {@code other}'s, by their
     * JSON names: what a corrected incident file changed.
     */
    public List<String> changedFieldsOtherThanAwareness(IncidentMetadata other) {
        List<String> changed = new java.util.ArrayList<>();
        addIfChanged(changed, "supplier", supplier, other.supplier);
        addIfChanged(changed, "reference", reference, other.reference);
        addIfChanged(changed, "malicious", malicious, other.malicious);
        addIfChanged(changed, "confidentiality", confidentiality, other.confidentiality);
        addIfChanged(changed, "integrity", integrity, other.integrity);
        addIfChanged(changed, "availability", availability, other.availability);
        addIfChanged(changed, "defaultExposedFields", defaultExposedFields, other.defaultExposedFields);
        addIfChanged(changed, "force", force, other.force);
        addIfChanged(changed, "supersedes", supersedes, other.supersedes);
        addIfChanged(changed, "unintelligible", mitigations.unintelligible(), other.mitigations.unintelligible());
        addIfChanged(changed, "recoveredWithin", mitigations.recoveredWithin(), other.mitigations.recoveredWithin());
        addIfChanged(changed, "recipient", mitigations.recipient(), other.mitigations.recipient());
        addIfChanged(changed, "laterMeasures", mitigations.laterMeasures(), other.mitigations.laterMeasures());
        addIfChanged(changed, "publicCommunication", mitigations.publicCommunication(),
                other.mitigations.publicCommunication());
        addIfChanged(changed, "regime", regime, other.regime);
        return changed;
    }

    private static void addIfChanged(List<String> changed, String name, Object mine, Object theirs) {
        if (!java.util.Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }

    /** True when a reference was given, so the manifest can join other manifests of the same incident. */
    public boolean hasReference() {
        return reference != null && !reference.isBlank() && !IncidentMetadataLoader.UNREFERENCED.equals(reference);
    }
}
