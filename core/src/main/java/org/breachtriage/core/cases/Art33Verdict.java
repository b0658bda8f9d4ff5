package org.breachtriage.core.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.Mitigations;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;

/**
 * The incident's Art. 33 decision, from its assessment (docs/scoring.md, "Mitigations and the Art. 33
 * decision"). The decision a case opens with ({@link CaseOpening#art33}) is made from the incident
 * details alone, at awareness, and is provisional: it starts the clock and the alerts. Once every
 * manifest with a verdict has its people scored, this decides:
 *
 * <ul>
 *   <li>anyone at or above {@code HIGH} (or the policy's notice threshold, if lower): the breach is
 *       likely to result in a high risk, so it is not unlikely to result in a risk: the ICO is told.
 *       This is the invariant "HIGH or above anywhere implies Art. 33 required";</li>
 *   <li>anyone above LOW: ENISA's medium severity means significant inconveniences, which is a risk,
 *       so the ICO is told;</li>
 *   <li>otherwise (everyone LOW), "unlikely to result in a risk" when every manifest's incident details
 *       contain the breach in every dimension it hit ({@link Mitigations#containment}): no ICO report,
 *       and the reasons are recorded under Art. 33(5) (DPA 2018 s.67(6) under Part 3);</li>
 *   <li>otherwise the ICO is told: a risk cannot be ruled out.</li>
 * </ul>
 *
 * <p>People are counted once across manifests: the figures are the incident's distinct people.
 *
 * @param verdict     {@link #REQUIRED}, {@link #NOT_REQUIRED} or {@link #NONE} (no manifest has an accepted row)
 * @param provisional true while some manifest's people are still being scored (the opening decision stands)
 */
public record Art33Verdict(String verdict, boolean required, boolean provisional, String reasoning) {
    public static final String REQUIRED = "REQUIRED";
    public static final String NOT_REQUIRED = "NOT_REQUIRED";
    public static final String NONE = "NONE";
    public static final String PROVISIONAL = "Provisional, from the incident details alone while its people are"
            + " still being scored: ";

    /**
     * @param active          the incident's cases not superseded
     * @param figures         the incident's figures over distinct people ({@link Counters#band}, {@link Counters#PERSONS_TOTAL})
     * @param noticeAtOrAbove the policy's Art. 34 threshold: nobody with an Art. 34 notice due can be in a
     *                        breach decided unlikely to result in a risk
     */
    public static Art33Verdict decide(List<CaseRecord> active, Map<String, Long> figures, Band noticeAtOrAbove,
                                      Regime regime) {
        List<CaseRecord> deciders = active.stream().filter(CaseRecord::hasArt33Verdict).toList();
        if (deciders.isEmpty()) {
            return new Art33Verdict(NONE, false, false, "No manifest of the incident has an accepted row yet, so"
                    + " there is nobody to assess; the clock runs all the same.");
        }
        // Bands never go down, so someone already above LOW settles it however much is still being scored:
        // the ICO is told (HIGH or above anywhere is never left to a provisional "not required").
        if (deciders.stream().anyMatch(c -> !peopleScored(c)) && peopleAtOrAbove(figures, Band.MEDIUM) == 0) {
            CaseRecord deciding = deciders.stream().filter(CaseRecord::art33Required).findFirst().orElse(deciders.getFirst());
            return new Art33Verdict(deciding.art33Required() ? REQUIRED : NOT_REQUIRED, deciding.art33Required(), true,
                    PROVISIONAL + deciding.art33Reasoning());
        }
        return fromAssessment(deciders.stream().map(CaseRecord::incident).toList(), figures, noticeAtOrAbove, regime);
    }

    /** The decision once the people are scored: the rule in the class comment, over distinct people. */
    public static Art33Verdict fromAssessment(List<IncidentMetadata> incidents, Map<String, Long> figures,
                                              Band noticeAtOrAbove, Regime regime) {
        Regime law = regime == null ? Regime.UK_GDPR : regime;
        Band risk = noticeAtOrAbove.compareTo(Band.HIGH) < 0 ? noticeAtOrAbove : Band.HIGH;
        long total = figures.getOrDefault(Counters.PERSONS_TOTAL, 0L);
        long atRisk = peopleAtOrAbove(figures, risk);
        long aboveLow = peopleAtOrAbove(figures, Band.MEDIUM);
        Band highest = null;
        for (Band band : Band.values()) {
            if (figures.getOrDefault(Counters.band(band), 0L) > 0) {
                highest = band;
            }
        }
        if (atRisk > 0) {
            return new Art33Verdict(REQUIRED, true, false, String.format(Locale.ROOT, "%,d", atRisk) + " of the " + people(total) + (atRisk == 1 ? " is" : " are")
                    + " assessed " + risk
                    + " or above (highest band " + highest + "): the breach is likely to result in a high risk to them,"
                    + " so it cannot be unlikely to result in a risk. The ICO must be told within 72 hours of awareness"
                    + " (" + law.dutyToNotify() + ").");
        }
        if (aboveLow > 0) {
            return new Art33Verdict(REQUIRED, true, false, String.format(Locale.ROOT, "%,d", aboveLow) + " of the " + people(total)
                    + (aboveLow == 1 ? " is" : " are") + " assessed above LOW (highest band " + highest + "): a"
                    + " medium severity means significant inconveniences to them (ENISA), which is a risk, so the"
                    + " breach is not unlikely to result in a risk. The ICO must be told within 72 hours of awareness ("
                    + law.dutyToNotify() + ").");
        }
        Set<String> containing = new LinkedHashSet<>();
        Set<DataCategory> exposed = exposedCategories(figures);
        for (IncidentMetadata incident : incidents) {
            Mitigations.Containment containment = Mitigations.containment(incident, exposed);
            if (!containment.contained()) {
                return new Art33Verdict(REQUIRED, true, false, "None of the " + people(total) + " is assessed "
                        + risk + " or above (highest band " + (highest == null ? "none" : highest) + "), but "
                        + containment.uncovered() + ". A risk to the people concerned cannot be ruled out, so the ICO"
                        + " must be told within 72 hours of awareness (" + law.dutyToNotify() + ").");
            }
            containing.addAll(containment.because());
        }
        return new Art33Verdict(NOT_REQUIRED, false, false, "Unlikely to result in a risk: none of the " + people(total)
                + " is assessed " + risk + " or above (highest band " + (highest == null ? "none" : highest)
                + "), and " + String.join(", and ", new ArrayList<>(containing)) + ". No report to the ICO is"
                + " required; this decision and its reasons are recorded under " + law.dutyToRecord() + ". Reassess if new"
                + " evidence arrives.");
    }

    /** The incident's people in {@code lowest} or a higher band. */
    private static long peopleAtOrAbove(Map<String, Long> figures, Band lowest) {
        long n = 0;
        for (Band band : Band.values()) {
            if (band.atLeast(lowest)) {
                n += figures.getOrDefault(Counters.band(band), 0L);
            }
        }
        return n;
    }

    /** The categories exposed for anyone in the incident, from its per-category figures. */
    private static Set<DataCategory> exposedCategories(Map<String, Long> figures) {
        Set<DataCategory> exposed = EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : DataCategory.values()) {
            if (figures.getOrDefault(Counters.category(c), 0L) > 0) {
                exposed.add(c);
            }
        }
        return exposed;
    }

    /** "1 person", "25 people", "2,527 people". */
    private static String people(long n) {
        return n == 1 ? "1 person" : String.format(Locale.ROOT, "%,d people", n);
    }

    private static boolean peopleScored(CaseRecord c) {
        return c.status() == CaseStatus.SCORED || c.status() == CaseStatus.REPORTED;
    }

}
