package org.breachtriage.core.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.model.DataCategory;

/**
 * What the reports need beyond the case itself. Everything here is about the force and the
 * incident, never about a person: the report renderers take no person-level input at all.
 *
 * <p>{@code measuresTaken}, {@code measuresProposed} and {@code otherOrganisationsTold} default
 * (when null) to statements typical of an ID-card supplier breach, each marked {@value Text#CONFIRM}
 * because the force must confirm them before anything is sent. An empty list means "none" and is
 * shown as still to complete in the ICO draft.
 *
 * @param force                  the controller, e.g. "Metropolitan Police Service"
 * @param dpo                    the contact point; null gives {@link DpoContact#placeholder}
 * @param generatedAt            when the reports are generated (deadlines are measured from here)
 * @param policyVersion          the version of the scoring/notification policy the results came from
 * @param categoriesSeen         data categories seen in the manifest rows (the incident's defaults are added)
 */
public record ReportContext(
        String force,
        DpoContact dpo,
        Instant generatedAt,
        String policyVersion,
        List<String> measuresTaken,
        List<String> measuresProposed,
        List<String> otherOrganisationsTold,
        Set<DataCategory> categoriesSeen) {

    public static final List<String> DEFAULT_MEASURES_TAKEN = confirm(List.of(
            "The supplier's systems holding force data were isolated and its connections to force systems suspended",
            "The National Crime Agency (NCA) and the supplier were contacted; the supplier was asked to preserve"
                    + " evidence and report the scope of the breach",
            "Every affected person was identified and their risk assessed individually; people at high risk are"
                    + " being told without undue delay, by a channel suited to their risk",
            "All staff were given advice on personal security, social media privacy settings and recognising"
                    + " phishing and pretext calls"));

    public static final List<String> DEFAULT_MEASURES_PROPOSED = confirm(List.of(
            "Reissue ID cards and re-validate access credentials of affected people where needed",
            "Monitor for publication of the data (including on the dark web) and for suspicious approaches to staff",
            "Individual risk assessments and welfare support for people in sensitive roles",
            "Review the supplier's security and the data shared with it (e.g. stop sharing vetting levels)"));

    /** The defaults for a breach of nobody in the workforce (victims, witnesses, suspects, others). */
    public static final List<String> DEFAULT_MEASURES_TAKEN_OUTSIDE_WORKFORCE = confirm(List.of(
            "The disclosure was stopped and the data withdrawn from wherever it was published or sent, as far as"
                    + " possible; recipients were asked to delete it",
            "Every affected person was identified and their risk assessed individually; people at high risk are"
                    + " being told without undue delay, unless a restriction under DPA 2018 s.68(7) applies",
            "Officers in charge of the affected cases were told, so that safeguarding can be reviewed"));

    public static final List<String> DEFAULT_MEASURES_PROPOSED_OUTSIDE_WORKFORCE = confirm(List.of(
            "Review safeguarding of victims and witnesses at high risk, with the officers in charge of their cases",
            "Monitor for further publication of the data",
            "Review how the data came to be disclosed (e.g. checks before information is released) and train staff"));

    public static final List<String> DEFAULT_OTHER_ORGANISATIONS = confirm(List.of(
            "National Crime Agency (NCA)",
            "The supplier",
            "Police Federation and other staff associations (aggregate figures only)"));

    public ReportContext {
        force = Text.required(force, "force");
        if (generatedAt == null) {
            throw new IllegalArgumentException("generatedAt is required: deadlines are measured from it");
        }
        dpo = dpo == null ? DpoContact.placeholder(force) : dpo;
        policyVersion = Text.orDefault(policyVersion, "unknown");
        measuresTaken = measuresTaken == null ? DEFAULT_MEASURES_TAKEN : List.copyOf(measuresTaken);
        measuresProposed = measuresProposed == null ? DEFAULT_MEASURES_PROPOSED : List.copyOf(measuresProposed);
        otherOrganisationsTold = otherOrganisationsTold == null ? DEFAULT_OTHER_ORGANISATIONS : List.copyOf(otherOrganisationsTold);
        categoriesSeen = categoriesSeen == null || categoriesSeen.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(categoriesSeen));
    }

    /** Placeholder DPO, default measures, no categories beyond the incident's. */
    public static ReportContext defaults(String force, Instant generatedAt, String policyVersion) {
        return new ReportContext(force, null, generatedAt, policyVersion, null, null, null, null);
    }

    public ReportContext withDpo(DpoContact newDpo) {
        return new ReportContext(force, newDpo, generatedAt, policyVersion, measuresTaken, measuresProposed,
                otherOrganisationsTold, categoriesSeen);
    }

    public ReportContext withGeneratedAt(Instant newGeneratedAt) {
        return new ReportContext(force, dpo, newGeneratedAt, policyVersion, measuresTaken, measuresProposed,
                otherOrganisationsTold, categoriesSeen);
    }

    public ReportContext withCategoriesSeen(Set<DataCategory> categories) {
        return new ReportContext(force, dpo, generatedAt, policyVersion, measuresTaken, measuresProposed,
                otherOrganisationsTold, categories);
    }

    public ReportContext withMeasures(List<String> taken, List<String> proposed) {
        return new ReportContext(force, dpo, generatedAt, policyVersion, taken, proposed, otherOrganisationsTold,
                categoriesSeen);
    }

    public ReportContext withOtherOrganisationsTold(List<String> organisations) {
        return new ReportContext(force, dpo, generatedAt, policyVersion, measuresTaken, measuresProposed,
                organisations, categoriesSeen);
    }

    private static List<String> confirm(List<String> statements) {
        return statements.stream().map(s -> s + " " + Text.CONFIRM).toList();
    }
}
