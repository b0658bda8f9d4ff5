package org.breachtriage.core.synthetic;

import java.util.SplittableRandom;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;

/**
 * Generates person {@code i} of a synthetic roster as a pure function of (seed, i): no state, no
 * order dependence, so a manifest generator can ask for any person at any time and get exactly the
 * roster's line. Indices beyond the roster give plausible people who are not on it (leavers).
 */
public final class PersonGenerator {
    private static final String PAY_NUMBER_PREFIX = "MP";
    private static final int PAY_NUMBER_DIGITS = 6;

    private final long seed;
    private final RosterOptions options;

    public PersonGenerator(long seed, RosterOptions options) {
        this.seed = seed;
        this.options = options;
    }

    public PersonGenerator(long seed) {
        this(seed, RosterOptions.defaults());
    }

    /** {@code MP000001} for index 0: the roster is in pay-number order, and the number is the position. */
    public static String payNumber(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("person index must not be negative: " + index);
        }
        String digits = Integer.toString(index + 1);
        StringBuilder pay = new StringBuilder(PAY_NUMBER_PREFIX.length() + Math.max(digits.length(), PAY_NUMBER_DIGITS));
        pay.append(PAY_NUMBER_PREFIX);
        for (int pad = digits.length(); pad < PAY_NUMBER_DIGITS; pad++) {
            pay.append('0');
        }
        return pay.append(digits).toString();
    }

    public SyntheticPerson person(int index) {
        // The order of draws is part of the output format: changing it changes every generated file.
        SplittableRandom rng = Seeds.stream(seed, Seeds.PERSON, index);
        StaffType type = Workforce.staffType(rng);
        String rank = Workforce.rank(type, rng);
        String unit = Workforce.unit(type, rank, rng);
        var flags = Workforce.flagsOf(unit);
        VettingLevel vetting = Workforce.vetting(type, rank, flags, rng);
        ContactChannel channel = Workforce.channel(type, flags, rng);
        String association = Workforce.association(type, rank, rng);
        String forename = Names.forename(rng);
        String surname = Names.surname(rng);
        // Drawn last so that switching secondments on or off changes nothing else about anyone.
        String force = force(rng);
        return new SyntheticPerson(index, payNumber(index), forename, surname, type, rank, unit, flags, vetting,
                channel, association, force);
    }

    private String force(SplittableRandom rng) {
        if (options.otherForceFraction() > 0 && rng.nextDouble() < options.otherForceFraction()) {
            return options.otherForces().get(rng.nextInt(options.otherForces().size()));
        }
        return options.homeForce();
    }
}
