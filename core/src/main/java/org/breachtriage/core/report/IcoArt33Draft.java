package org.breachtriage.core.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.json.Json;

/**
 * A draft of the report to the Information Commissioner (UK GDPR Art. 33, or DPA 2018 s.67). It is
 * both structured by the four items the law requires, (a)–(d), and laid out as the sections of the
 * ICO's online form ({@link #formSections}), because that form cannot be saved part-way: everything
 * has to be ready before it is opened. It holds no personal data of the people affected, and figures
 * are approximate with small counts suppressed ({@link CaseFigures}).
 *
 * <p>Statements the force still has to supply carry "[TO COMPLETE: …]"; defaults it has to confirm
 * carry "[confirm]". {@link #toComplete} lists them all.
 *
 * @param incidentId            the incident reported on; every manifest of it is covered, people counted once
 * @param caseId                the manifest whose scoring produced this draft
 * @param reportNumber          1 for the initial report, 2 for follow-up 1, …
 * @param phase                 "initial" or "follow-up N": the report may be given in phases ({@link #phasedReporting})
 * @param changesSinceLastReport for a follow-up, what changed since the report before, approximately; empty otherwise
 * @param late                  generated after the 72-hour deadline; {@link #reasonsForDelay} is then set
 * @param notificationRequired  the case's own assessment (Art. 33(1) exempts breaches unlikely to result in a risk)
 * @param natureOfBreach        item (a)
 * @param contactPoint          item (b)
 * @param likelyConsequences    item (c)
 * @param measures              item (d)
 */
public record IcoArt33Draft(
        String schemaVersion,
        String incidentId,
        String caseId,
        int reportNumber,
        String force,
        String supplier,
        String incidentReference,
        Regime regime,
        String legalBasis,
        String phase,
        String phasedReporting,
        List<String> changesSinceLastReport,
        Instant generatedAt,
        Instant awareAt,
        Instant deadline,
        boolean late,
        boolean notificationRequired,
        String notificationReasoning,
        NatureOfBreach natureOfBreach,
        DpoContact contactPoint,
        List<String> likelyConsequences,
        Measures measures,
        String reasonsForDelay,
        List<String> otherOrganisationsTold,
        List<String> assumptions,
        List<FormSection> formSections,
        List<String> toComplete) {

    public static final String SCHEMA_VERSION = "2";

    public IcoArt33Draft {
        changesSinceLastReport = copy(changesSinceLastReport);
        likelyConsequences = copy(likelyConsequences);
        otherOrganisationsTold = copy(otherOrganisationsTold);
        assumptions = copy(assumptions);
        formSections = formSections == null ? List.of() : List.copyOf(formSections);
        toComplete = copy(toComplete);
        if (late != (reasonsForDelay != null)) {
            throw new IllegalArgumentException("reasons for delay belong in a late report, and only there");
        }
    }

    /**
     * Item (a): the nature of the breach, with the categories and approximate numbers of people and
     * records. {@code peopleBySeverity} maps band → approximate people, most severe first.
     * {@code specialCategoryData} and {@code criminalOffenceData} answer the ICO form's questions
     * whether special-category (Art. 9) or criminal-offence (Art. 10) data is involved: a sentence
     * starting "Yes" or "No".
     */
    public record NatureOfBreach(
            String description,
            String confidentiality,
            String integrity,
            String availability,
            boolean malicious,
            List<String> dataCategories,
            String dataSubjects,
            String approximatePeople,
            String approximateRecords,
            Map<String, String> peopleBySeverity,
            List<String> figureNotes,
            String specialCategoryData,
            String criminalOffenceData) {

        public NatureOfBreach {
            dataCategories = copy(dataCategories);
            peopleBySeverity = peopleBySeverity == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(peopleBySeverity));
            figureNotes = copy(figureNotes);
        }
    }

    /** Item (d): measures taken and proposed, including mitigation for the people affected. */
    public record Measures(List<String> taken, List<String> proposed, String peopleTold) {
        public Measures {
            taken = copy(taken);
            proposed = copy(proposed);
        }
    }

    /**
     * One section of the ICO form, pre-filled. {@code covers} names the legal items it answers
     * (e.g. "Art. 33(3)(a)"); paragraphs are prose, items a list.
     */
    public record FormSection(String id, String title, List<String> covers, List<String> paragraphs, List<String> items) {
        public FormSection {
            covers = copy(covers);
            paragraphs = copy(paragraphs);
            items = copy(items);
        }
    }

    public String toJson() {
        return Json.pretty(this);
    }

    /** The draft as Markdown, every value escaped so that nothing from outside becomes markup. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# DRAFT: personal data breach report to the ICO, ").append(Text.markdown(force)).append("\n\n");
        out.append("> ").append(Text.markdown(IcoArt33Drafts.PREAMBLE)).append("\n\n");
        out.append("| | |\n|---|---|\n");
        for (String[] row : IcoArt33Drafts.headerRows(this)) {
            out.append("| ").append(Text.markdown(row[0])).append(" | ").append(Text.markdown(row[1])).append(" |\n");
        }
        out.append('\n');
        int number = 1;
        for (FormSection section : formSections) {
            out.append("## ").append(number++).append(". ").append(Text.markdown(section.title()));
            if (!section.covers().isEmpty()) {
                out.append(" (").append(Text.markdown(String.join(", ", section.covers()))).append(')');
            }
            out.append("\n\n");
            for (String paragraph : section.paragraphs()) {
                out.append(Text.markdown(paragraph)).append("\n\n");
            }
            for (String item : section.items()) {
                out.append("- ").append(Text.markdown(item)).append('\n');
            }
            if (!section.items().isEmpty()) {
                out.append('\n');
            }
        }
        out.append("## Still to complete before submitting\n\n");
        if (toComplete.isEmpty()) {
            out.append("Nothing: every section is filled in.\n");
        }
        for (String item : toComplete) {
            out.append("- ").append(Text.markdown(item)).append('\n');
        }
        return out.toString();
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
