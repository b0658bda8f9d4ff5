package org.breachtriage.core.synthetic;

import static org.breachtriage.core.synthetic.RosterOptions.requireFraction;

/**
 * Knobs for the manifest generator. Fractions are per-row probabilities, so the counts in a file
 * are close to, not exactly, fraction × rows.
 *
 * @param unmatchedFraction rows whose pay number is well-formed but on no roster (default 1%)
 * @param duplicateFraction rows naming a person already listed, with different exposed fields (default 0.5%)
 * @param invalidFraction rows a reader must reject: blank, malformed or over-long pay number, or an
 *     unknown category (default 0: off)
 * @param blankExposedFieldsFraction rows with an empty {@code exposed_fields}, meaning "the incident's
 *     default categories" (default 0)
 * @param blankEchoFraction rows whose echo columns (surname, forename, rank, vetting_level) are all empty
 *     (default 10%)
 * @param profile which fields the supplier held
 * @param selectionSeed varies which people are listed and in which order while keeping the roster
 *     seed, so several manifests can be drawn from one roster
 */
public record ManifestOptions(
        double unmatchedFraction,
        double duplicateFraction,
        double invalidFraction,
        double blankExposedFieldsFraction,
        double blankEchoFraction,
        ExposureProfile profile,
        long selectionSeed) {

    public ManifestOptions {
        requireFraction("unmatchedFraction", unmatchedFraction);
        requireFraction("duplicateFraction", duplicateFraction);
        requireFraction("invalidFraction", invalidFraction);
        requireFraction("blankExposedFieldsFraction", blankExposedFieldsFraction);
        requireFraction("blankEchoFraction", blankEchoFraction);
        if (unmatchedFraction + duplicateFraction + invalidFraction > 1.0) {
            throw new IllegalArgumentException("unmatched + duplicate + invalid fractions exceed 1: "
                    + (unmatchedFraction + duplicateFraction + invalidFraction));
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
    }

    public static ManifestOptions defaults() {
        return new ManifestOptions(0.01, 0.005, 0.0, 0.0, 0.10, ExposureProfile.ID_CARD, 0L);
    }

    public ManifestOptions withUnmatchedFraction(double fraction) {
        return new ManifestOptions(fraction, duplicateFraction, invalidFraction, blankExposedFieldsFraction,
                blankEchoFraction, profile, selectionSeed);
    }

    public ManifestOptions withDuplicateFraction(double fraction) {
        return new ManifestOptions(unmatchedFraction, fraction, invalidFraction, blankExposedFieldsFraction,
                blankEchoFraction, profile, selectionSeed);
    }

    public ManifestOptions withInvalidFraction(double fraction) {
        return new ManifestOptions(unmatchedFraction, duplicateFraction, fraction, blankExposedFieldsFraction,
                blankEchoFraction, profile, selectionSeed);
    }

    public ManifestOptions withBlankExposedFieldsFraction(double fraction) {
        return new ManifestOptions(unmatchedFraction, duplicateFraction, invalidFraction, fraction,
                blankEchoFraction, profile, selectionSeed);
    }

    public ManifestOptions withBlankEchoFraction(double fraction) {
        return new ManifestOptions(unmatchedFraction, duplicateFraction, invalidFraction,
                blankExposedFieldsFraction, fraction, profile, selectionSeed);
    }

    public ManifestOptions withProfile(ExposureProfile newProfile) {
        return new ManifestOptions(unmatchedFraction, duplicateFraction, invalidFraction,
                blankExposedFieldsFraction, blankEchoFraction, newProfile, selectionSeed);
    }

    public ManifestOptions withSelectionSeed(long seed) {
        return new ManifestOptions(unmatchedFraction, duplicateFraction, invalidFraction,
                blankExposedFieldsFraction, blankEchoFraction, profile, seed);
    }
}
