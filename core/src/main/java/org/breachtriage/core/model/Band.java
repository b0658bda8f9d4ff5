package org.breachtriage.core.model;

/** ENISA severity bands: Low &lt; 2 ≤ Medium &lt; 3 ≤ High &lt; 4 ≤ Very High. */
public enum Band {
    LOW, MEDIUM, HIGH, VERY_HIGH;

    public static Band ofScore(double score) {
        if (score < 2) {
            return LOW;
        }
        if (score < 3) {
            return MEDIUM;
        }
        if (score < 4) {
            return HIGH;
        }
        return VERY_HIGH;
    }

    public boolean atLeast(Band other) {
        return compareTo(other) >= 0;
    }
}
