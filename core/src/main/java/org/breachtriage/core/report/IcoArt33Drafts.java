package org.breachtriage.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.manifest.Availability;
import org.breachtriage.core.manifest.Confidentiality;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Integrity;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.report.IcoArt33Draft.FormSection;
import org.breachtriage.core.report.IcoArt33Draft.Measures;
import org.breachtriage.core.report.IcoArt33Draft.NatureOfBreach;
import org.breachtriage.core.report.ProtectedTable.Style;

/**
 * Builds the {@link IcoArt33Draft} of a case.
 *
 * <p>Numbers: approximate, as the law asks ("about 2,500": two significant figures from 100 up,
 * exact below 100, "&lt;5" for 1–4), and taken from the same protected table as the Federation's, so
 * rounding only ever hides more. No figure outside that table is given when it could reveal a small
 * count: the number of notices is stated only when every band total is shown, and the number of
 * people missing from the staff table is not stated at all (it is a row total of the table).
 */
public final class IcoArt33Drafts {
    static final String PREAMBLE = "Draft prepared by Breach Triage. It contains no personal data of the people"
            + " affected. Check every statement, complete every [TO COMPLETE] item and confirm every [confirm]"
            + " item before submitting. The ICO's online form cannot be saved part-way: have every section ready"
            + " before opening it.";

    private IcoArt33Drafts() {
    }

    public static IcoArt33Draft from(ReportSubject subject, ReportContext context) {
        IncidentMetadata incident = subject.incident();
        if (incident == null) {
            throw new IllegalArgumentException("case " + subject.caseId() + " has no incident metadata: nothing to report");
        }
        Regime regime = subject.regime() == null ? Regime.UK_GDPR : subject.regime();
        Art33Law law = Art33Law.of(regime);
        CaseFigures figures = CaseFigures.of(subject);
        Instant deadline = Art33Law.deadline(subject);
        boolean late = deadline != null && context.generatedAt().isAfter(deadline);
        List<String> changes = changesSinceLastReport(subject, figures);
        String supplier = Text.orDefault(incident.supplier(), Text.toComplete("supplier name"));
        String reference = Text.orDefault(incident.reference(), "none given");

        Set<DataCategory> categories = categories(incident, context);
        NatureOfBreach nature = new NatureOfBreach(
                "A personal data breach at " + supplier + ", a supplier holding "
                        + PartThreeWording.whoseData(subject) + " of " + context.force()
                        + ". " + (incident.malicious()
                        ? "It is being treated as the result of malicious action (e.g. a cyber attack)."
                        : "There is no indication so far of malicious intent."),
                confidentiality(incident.confidentiality()),
                integrity(incident.integrity()),
                availability(incident.availability()),
                incident.malicious(),
                categories.isEmpty() ? List.of(Text.toComplete("categories of personal data exposed"))
                        : categories.stream().map(IcoArt33Drafts::label).toList(),
                PartThreeWording.dataSubjects(subject, context.force()),
                figures.people(Style.APPROXIMATE),
                SmallCounts.approximate(subject.counter(Counters.ROWS_ACCEPTED)),
                peopleBySeverity(figures),
                figureNotes(subject, figures, context),
                specialCategory(categories),
                criminalOffence(categories));

        long outside = subject.counter(Counters.PERSONS_NON_STAFF);
        boolean workforce = outside < subject.counter(Counters.PERSONS_TOTAL);
        List<String> consequences = consequences(figures, categories, incident, workforce, outside > 0);
        // The default measures are a workforce breach's; a breach of nobody in the workforce gets ones
        // that are true of it (still to be confirmed, like every default).
        boolean defaults = context.measuresTaken() == ReportContext.DEFAULT_MEASURES_TAKEN;
        Measures measures = new Measures(
                defaults && !workforce ? ReportContext.DEFAULT_MEASURES_TAKEN_OUTSIDE_WORKFORCE : context.measuresTaken(),
                context.measuresProposed() == ReportContext.DEFAULT_MEASURES_PROPOSED && !workforce
                        ? ReportContext.DEFAULT_MEASURES_PROPOSED_OUTSIDE_WORKFORCE : context.measuresProposed(),
                peopleTold(subject, figures, regime));
        String reasonsForDelay = late
                ? "This report is made after the 72-hour deadline of " + Text.minutes(deadline) + " ("
                + Art33Law.describeRemaining(deadline, context.generatedAt()) + "). " + law.delay()
                + " requires the reasons: " + (subject.lateReason() != null ? Text.oneLine(subject.lateReason())
                        : Text.toComplete("reasons for the delay"))
                : null;

        List<FormSection> sections = sections(subject, context, law, nature, consequences, measures,
                reasonsForDelay, deadline, late);
        if (!changes.isEmpty()) {
            sections.addFirst(new FormSection("changes", "What changed since report " + (subject.reportNumber() - 1),
                    List.of(law.phases()), List.of("This follow-up covers every manifest of the incident so far; each"
                    + " person is counted once however many manifests name them."), changes));
        }
        return new IcoArt33Draft(
                IcoArt33Draft.SCHEMA_VERSION,
                subject.incidentId(),
                subject.caseId(),
                subject.reportNumber(),
                context.force(),
                supplier,
                reference,
                regime,
                law.title(),
                subject.phase(),
                subject.initial()
                        ? "This is an initial report. Further information will be provided in phases, without undue"
                        + " further delay, as the investigation establishes it (" + law.phases() + ")."
                        : "This is " + subject.phase() + " to the initial report of this incident (" + law.phases()
                        + "): it gives the information that became available since report "
                        + (subject.reportNumber() - 1) + ".",
                changes,
                context.generatedAt(),
                incident.awareAt(),
                deadline,
                late,
                subject.art33Required(),
                Text.orDefault(PartThreeWording.reasoning(subject.art33Reasoning(), regime), "none recorded"),
                nature,
                context.dpo(),
                consequences,
                measures,
                reasonsForDelay,
                context.otherOrganisationsTold(),
                assumptions(incident),
                sections,
                openItems(sections));
    }

    /**
     * A follow-up's changes, approximately and as the protected tables show them, so nothing here is
     * more exact than either table: people then and now, per band then and now, categories newly
     * exposed, manifests superseded and people no longer listed.
     */
    private static List<String> changesSinceLastReport(ReportSubject subject, CaseFigures figures) {
        if (subject.initial() || subject.previous() == null) {
            return List.of();
        }
        List<String> changes = new ArrayList<>();
        changes.add("People affected: " + figures.previousPeople(Style.APPROXIMATE) + " then, "
                + figures.people(Style.APPROXIMATE) + " now.");
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            changes.add("Assessed " + band + ": " + figures.previousBand(band, Style.APPROXIMATE) + " then, "
                    + figures.band(band, Style.APPROXIMATE) + " now.");
        }
        List<String> newly = ReportChanges.categoriesNewlyExposed(subject);
        changes.add("Categories of data newly exposed: " + (newly.isEmpty() ? "none" : String.join("; ", newly)) + ".");
        long superseded = ReportChanges.manifestsSupersededSince(subject);
        changes.add("Manifests superseded by corrected ones: " + superseded + "; people named only in superseded"
                + " manifests, now under review: " + SmallCounts.approximate(subject.counter(Counters.PERSONS_NO_LONGER_LISTED))
                + ".");
        return changes;
    }

    /** Label/value rows heading the draft, shared by the Markdown and HTML renderings. */
    static List<String[]> headerRows(IcoArt33Draft draft) {
        return List.of(
                new String[] {"Organisation (controller)", draft.force()},
                new String[] {"Legal basis", draft.legalBasis()},
                new String[] {"Report type", draft.phase() + ": " + draft.phasedReporting()},
                new String[] {"Breach Triage incident", draft.incidentId() + " (report " + draft.reportNumber() + ")"},
                new String[] {"Manifest that prompted it", draft.caseId()},
                new String[] {"Incident reference", draft.incidentReference()},
                new String[] {"Supplier", draft.supplier()},
                new String[] {"Became aware", Text.minutes(draft.awareAt())},
                new String[] {"Deadline (72 h)", Text.minutes(draft.deadline()) + " ("
                        + Art33Law.describeRemaining(draft.deadline(), draft.generatedAt()) + " when drafted)"},
                new String[] {"Notification assessed as required", (draft.notificationRequired() ? "yes" : "no")
                        + ": " + draft.notificationReasoning()},
                new String[] {"Drafted", Text.minutes(draft.generatedAt())});
    }

    private static List<FormSection> sections(ReportSubject subject, ReportContext context, Art33Law law,
                                              NatureOfBreach nature, List<String> consequences, Measures measures,
                                              String reasonsForDelay, Instant deadline, boolean late) {
        List<FormSection> sections = new ArrayList<>();
        String a = law.item('a');
        sections.add(new FormSection("what-happened", "What happened and when", List.of(a),
                List.of(nature.description(),
                        "Confidentiality: " + nature.confidentiality() + ". Integrity: " + nature.integrity()
                                + ". Availability: " + nature.availability() + ".",
                        "When the breach happened: " + Text.toComplete("date and time of the breach at the supplier,"
                                + " or the period over which it happened, if known")),
                List.of()));
        List<String> foundOut = new ArrayList<>();
        foundOut.add("The force became aware of the breach at " + Text.minutes(subject.incident().awareAt())
                + " (UTC). The deadline for this report under " + law.duty() + " is 72 hours later: "
                + Text.minutes(deadline) + ".");
        foundOut.add("How the force found out: " + Text.toComplete("e.g. told by the supplier, and when"));
        if (late) {
            foundOut.add("This report is made after that deadline: see \"Reasons for delay\".");
        }
        sections.add(new FormSection("found-out", "When you found out", List.of(), foundOut, List.of()));
        sections.add(new FormSection("staff-training", "Staff involved and their training", List.of(),
                List.of(Text.toComplete("which staff of the force and of the supplier were involved, and the data"
                        + " protection training they had received and when")),
                List.of()));
        List<String> dataParagraphs = List.of(
                "Categories of people: " + nature.dataSubjects(),
                "Approximate number of people: " + nature.approximatePeople()
                        + ". Approximate number of records: " + nature.approximateRecords()
                        + " (one record per person in the supplier's data).",
                "Categories of personal data: " + String.join("; ", nature.dataCategories()) + ".",
                law.regime().specialCategoryQuestion() + ": " + nature.specialCategoryData(),
                law.regime().criminalOffenceQuestion() + ": " + nature.criminalOffenceData(),
                "Notes on the figures: " + String.join(" ", nature.figureNotes()),
                "People by assessed severity (ENISA method, policy " + context.policyVersion() + "):");
        List<String> dataItems = new ArrayList<>();
        nature.peopleBySeverity().forEach((band, people) -> dataItems.add(band + ": " + people));
        sections.add(new FormSection("data-and-people", "The data and the people affected", List.of(a),
                dataParagraphs, dataItems));
        sections.add(new FormSection("risk", "The risk: likely consequences", List.of(law.item('c')),
                List.of(), consequences));
        sections.add(new FormSection("containment", "Containment and the measures already in place",
                List.of(law.item('d')), List.of("Measures taken:"), orToComplete(measures.taken(), "measures taken")));
        List<String> proposed = new ArrayList<>(orToComplete(measures.proposed(), "measures proposed"));
        proposed.add(measures.peopleTold());
        sections.add(new FormSection("measures-proposed", "Measures proposed, including mitigation for the people affected",
                List.of(law.item('d')), List.of("Measures proposed:"), proposed));
        sections.add(new FormSection("other-organisations", "Other organisations told", List.of(), List.of(),
                orToComplete(context.otherOrganisationsTold(), "other organisations told")));
        sections.add(new FormSection("contact", "Contact point for more information", List.of(law.item('b')),
                List.of(context.dpo().describe()), List.of()));
        if (reasonsForDelay != null) {
            sections.add(new FormSection("reasons-for-delay", "Reasons for delay", List.of(law.delay()),
                    List.of(reasonsForDelay), List.of()));
        }
        sections.add(new FormSection("assumptions", "Assumptions made while facts are missing", List.of(),
                List.of("Where the supplier gave no detail, the most cautious assumption was used, so that no risk"
                        + " is understated. Revise in a later phase as facts arrive."),
                assumptions(subject.incident())));
        return sections;
    }

    private static Set<DataCategory> categories(IncidentMetadata incident, ReportContext context) {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(incident.defaultExposedFields());
        all.addAll(context.categoriesSeen());
        return all;
    }

    /** The ICO form asks whether special-category data is involved. */
    static String specialCategory(Set<DataCategory> categories) {
        List<String> found = new ArrayList<>();
        if (categories.contains(DataCategory.HEALTH)) {
            found.add(label(DataCategory.HEALTH));
        }
        if (categories.contains(DataCategory.SPECIAL_CATEGORY)) {
            found.add(label(DataCategory.SPECIAL_CATEGORY));
        }
        return found.isEmpty() ? "No: none of the categories exposed is special category data."
                : "Yes: " + String.join("; ", found) + ".";
    }

    /** The ICO form asks whether criminal-offence data is involved. */
    static String criminalOffence(Set<DataCategory> categories) {
        return categories.contains(DataCategory.CRIMINAL_OFFENCE)
                ? "Yes: " + label(DataCategory.CRIMINAL_OFFENCE) + "."
                : "No: none of the categories exposed is criminal offence data.";
    }

    private static Map<String, String> peopleBySeverity(CaseFigures figures) {
        Map<String, String> bySeverity = new LinkedHashMap<>();
        for (Band band : CaseFigures.BANDS_BY_SEVERITY) {
            bySeverity.put(band.name(), figures.band(band, Style.APPROXIMATE));
        }
        return bySeverity;
    }

    private static List<String> figureNotes(ReportSubject subject, CaseFigures figures, ReportContext context) {
        List<String> notes = new ArrayList<>();
        notes.add("Numbers are approximate: rounded to two significant figures from 100 up.");
        notes.addAll(figures.totalsLegend());
        if (subject.counter(Counters.PERSONS_UNMATCHED) > 0) {
            notes.add("Some pay numbers in the supplier's data are not in the force's staff table; those people were"
                    + " assessed from the supplier's data alone and are included in these figures.");
        }
        return notes;
    }

    /**
     * Item (c), written from the band distribution and the categories exposed. The scoring policy puts
     * people in HIGH and VERY_HIGH when their exposure could reveal a sensitive role or a higher
     * vetting level, hence the first statement.
     */
    static List<String> consequences(CaseFigures figures, Set<DataCategory> categories, IncidentMetadata incident) {
        return consequences(figures, categories, incident, true, false);
    }

    /**
     * @param workforce    anyone of the workforce is affected
     * @param outsideIt    anyone outside it (victims, witnesses, suspects, others) is affected
     */
    static List<String> consequences(CaseFigures figures, Set<DataCategory> categories, IncidentMetadata incident,
                                     boolean workforce, boolean outsideIt) {
        List<String> out = new ArrayList<>();
        boolean atHighRisk = figures.bandTrulyNonZero(Band.VERY_HIGH) || figures.bandTrulyNonZero(Band.HIGH);
        if (atHighRisk && outsideIt) {
            out.add("People outside the workforce assessed HIGH or VERY_HIGH: victims, witnesses or suspects whose"
                    + " identity, involvement in a case or whereabouts may reach offenders or others. Risk of"
                    + " intimidation, reprisal or harm, of distress, and of prejudice to investigations and proceedings.");
        }
        if (atHighRisk && workforce) {
            out.add("People assessed HIGH or VERY_HIGH: their exposure could identify officers and staff in sensitive"
                    + " roles (covert, counter-terrorism, protection) or holders of higher vetting levels. Risk of being"
                    + " targeted, intimidated, coerced or harmed by organised crime groups, hostile state actors or"
                    + " others, on or off duty, and of compromise of operations they are part of.");
        }
        if (categories.contains(DataCategory.NAME) && categories.contains(DataCategory.PHOTO)) {
            out.add("Names with photographs make people recognisable: risk of being identified and located off duty"
                    + " or online (social media, reverse image search), of harassment, and of compromise of future"
                    + " undercover deployment.");
        }
        if (categories.contains(DataCategory.VETTING_LEVEL)) {
            out.add("Vetting levels reveal who holds posts with access to sensitive information: risk of targeted"
                    + " approaches, coercion or blackmail.");
        }
        if (categories.contains(DataCategory.RANK) || categories.contains(DataCategory.PAY_NUMBER)
                || categories.contains(DataCategory.WARRANT_NUMBER) || categories.contains(DataCategory.UNIT)) {
            out.add("Ranks, units, pay and warrant numbers can be used to impersonate staff or to make convincing"
                    + " pretext calls and phishing messages (social engineering) to obtain further information.");
        }
        if (categories.contains(DataCategory.FINANCIAL) || categories.contains(DataCategory.FINANCIAL_FULL)) {
            out.add("Financial details: risk of fraud and financial loss"
                    + (categories.contains(DataCategory.FINANCIAL_FULL)
                    ? ", directly so where full card or account details allow transactions." : "."));
        }
        if (categories.contains(DataCategory.HEALTH) || categories.contains(DataCategory.SPECIAL_CATEGORY)
                || categories.contains(DataCategory.CRIMINAL_OFFENCE)) {
            out.add("Special category or criminal offence data: risk of discrimination, stigma, distress and damage to"
                    + " reputation, which the law treats as likely where such data is exposed.");
        }
        if (categories.contains(DataCategory.NATIONAL_ID)) {
            out.add("National identifiers: risk of identity fraud, such as accounts opened or documents obtained in"
                    + " the person's name.");
        }
        if (categories.contains(DataCategory.CREDENTIALS) || categories.contains(DataCategory.CREDENTIALS_HASHED)) {
            out.add("Log-in credentials: risk of access to the systems they open, and to other accounts where a"
                    + " password was reused" + (categories.contains(DataCategory.CREDENTIALS) ? "" : " (hashed and"
                    + " salted passwords must first be cracked, so the risk is mainly to weak ones)") + ".");
        }
        if (categories.contains(DataCategory.LOCATION)) {
            out.add("Location data: risk of the person's movements and habits being known, and of being found.");
        }
        if (categories.contains(DataCategory.DATE_OF_BIRTH) || categories.contains(DataCategory.HOME_ADDRESS)
                || categories.contains(DataCategory.PHONE) || categories.contains(DataCategory.EMAIL)) {
            out.add("Dates of birth, addresses or contact details: risk of identity fraud and unwanted contact and,"
                    + " where home addresses are exposed, risk to personal safety at home.");
        }
        if (incident.integrity() != null && incident.integrity() != Integrity.NONE) {
            out.add("Records may have been altered: decisions taken on them (e.g. access or ID checks) may be wrong"
                    + " until they are verified.");
        }
        if (incident.availability() != null && incident.availability() != Availability.NONE) {
            out.add("Loss of access to the data may disrupt services that depend on it, such as ID cards and"
                    + " building access.");
        }
        if (figures.bandTrulyNonZero(Band.LOW) || figures.bandTrulyNonZero(Band.MEDIUM)) {
            out.add("People assessed LOW or MEDIUM face limited additional risk beyond being identifiable as police"
                    + " employees.");
        }
        out.add("Distress and anxiety for the people affected and concern for their families' safety.");
        return out;
    }

    /**
     * The Art. 34 / s.68 line. A notice count is an extra sum over bands; it is given only when every
     * band total is shown exactly, otherwise it could give back a suppressed band.
     */
    private static String peopleTold(ReportSubject subject, CaseFigures figures, Regime regime) {
        String provision = regime == Regime.DPA_2018_PART_3 ? "DPA 2018 s.68" : "Art. 34";
        String line = "People assessed at high risk are being told individually without undue delay (" + provision
                + "), by a channel suited to their risk, with advice on protecting themselves.";
        boolean allBandsShown = true;
        for (int c = 0; c < figures.table.columns(); c++) {
            allBandsShown &= figures.table.columnTotalShown(c) == ProtectedTable.Shown.EXACT;
        }
        if (allBandsShown) {
            long notices = subject.counter(Counters.NOTICES_INITIAL) + subject.counter(Counters.NOTICES_ESCALATION);
            long awaiting = subject.counter(Counters.NOTICES_AWAITING_RELEASE);
            return line + " Each notice to a person at high risk is released by a person before it is sent. Notices"
                    + " planned so far: " + SmallCounts.approximate(notices) + (awaiting > 0 ? ", of which "
                    + SmallCounts.approximate(awaiting) + " awaiting that release" : "") + ".";
        }
        return line + " The number of notices is not given here because it could reveal a small count.";
    }

    private static List<String> assumptions(IncidentMetadata incident) {
        return incident.assumptions().isEmpty()
                ? List.of("None recorded: the supplier's incident details were complete.")
                : incident.assumptions();
    }

    private static List<String> orToComplete(List<String> statements, String what) {
        return statements.isEmpty() ? List.of(Text.toComplete(what)) : statements;
    }

    /** Every marked statement, by section, so nothing is missed when filling the form in one go. */
    private static List<String> openItems(List<FormSection> sections) {
        List<String> open = new ArrayList<>();
        for (FormSection section : sections) {
            List<String> texts = new ArrayList<>(section.paragraphs());
            texts.addAll(section.items());
            for (String text : texts) {
                if (text.contains(Text.TO_COMPLETE_PREFIX) || text.contains(Text.CONFIRM)) {
                    open.add(section.title() + ": " + text);
                }
            }
        }
        return open;
    }

    private static String confidentiality(Confidentiality value) {
        if (value == null) {
            return Text.toComplete("whether anyone unauthorised saw the data");
        }
        return switch (value) {
            case NO_EVIDENCE -> "no evidence so far that anyone unauthorised saw the data";
            case KNOWN_RECIPIENTS -> "the data went to known recipients";
            case UNKNOWN_RECIPIENTS -> "the data may have been obtained by unknown parties or made public";
        };
    }

    private static String integrity(Integrity value) {
        if (value == null) {
            return Text.toComplete("whether the data was altered");
        }
        return switch (value) {
            case NONE -> "no evidence that the data was altered";
            case RECOVERABLE -> "the data was altered but can be restored";
            case UNRECOVERABLE -> "the data was altered and cannot be restored";
        };
    }

    private static String availability(Availability value) {
        if (value == null) {
            return Text.toComplete("whether access to the data was lost");
        }
        return switch (value) {
            case NONE -> "no loss of access to the data";
            case TEMPORARY -> "access to the data was lost for a time";
            case PERMANENT -> "the data was lost";
        };
    }

    static String label(DataCategory category) {
        return switch (category) {
            case NAME -> "names";
            case RANK -> "ranks or grades";
            case PHOTO -> "photographs";
            case VETTING_LEVEL -> "vetting levels";
            case PAY_NUMBER -> "pay numbers (internal staff identifiers)";
            case UNIT -> "units or postings";
            case WARRANT_NUMBER -> "warrant numbers";
            case DATE_OF_BIRTH -> "dates of birth";
            case HOME_ADDRESS -> "home addresses";
            case PHONE -> "telephone numbers";
            case EMAIL -> "e-mail addresses";
            case FINANCIAL -> "financial details";
            case HEALTH -> "health data (special category)";
            case SPECIAL_CATEGORY -> "other special category data (e.g. ethnic origin, religion, sex life, biometrics)";
            case CRIMINAL_OFFENCE -> "criminal offence data (convictions, offences or related security measures)";
            case NATIONAL_ID -> "national identifiers (e.g. National Insurance, passport or driving licence numbers)";
            case CREDENTIALS -> "log-in credentials in the clear (user names and passwords)";
            case CREDENTIALS_HASHED -> "log-in credentials, hashed and salted";
            case LOCATION -> "location or other behavioural data";
            case FINANCIAL_FULL -> "full card or account details that enable transactions";
        };
    }
}
