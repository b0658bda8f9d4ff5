package org.breachtriage.core.synthetic;

import java.util.List;

/**
 * Knobs for the roster generator. By default everyone belongs to the home force; a small share of
 * officers on secondment from other forces can be switched on to exercise the {@code force} field.
 */
public record RosterOptions(String homeForce, double otherForceFraction, List<String> otherForces) {
    public static final String METROPOLITAN_POLICE = "Metropolitan Police Service";
    public static final List<String> SECONDING_FORCES = List.of(
            "City of London Police", "British Transport Police", "Surrey Police", "Thames Valley Police");

    public RosterOptions {
        if (homeForce == null || homeForce.isBlank()) {
            throw new IllegalArgumentException("homeForce must be a force name");
        }
        requireFraction("otherForceFraction", otherForceFraction);
        otherForces = List.copyOf(otherForces);
        if (otherForceFraction > 0 && otherForces.isEmpty()) {
            throw new IllegalArgumentException("otherForceFraction is " + otherForceFraction
                    + " but no otherForces are given");
        }
        for (String force : otherForces) {
            if (force.isBlank()) {
                throw new IllegalArgumentException("otherForces contains a blank name");
            }
        }
    }

    public static RosterOptions defaults() {
        return new RosterOptions(METROPOLITAN_POLICE, 0.0, SECONDING_FORCES);
    }

    public RosterOptions withOtherForceFraction(double fraction) {
        return new RosterOptions(homeForce, fraction, otherForces);
    }

    static void requireFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
