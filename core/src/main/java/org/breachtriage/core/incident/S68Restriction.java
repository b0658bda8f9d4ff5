package org.breachtriage.core.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The grounds on which DPA 2018 s.68(7) lets a controller restrict, wholly or partly, telling a person
 * about a breach, to the extent and for as long as that is a necessary and proportionate measure. A
 * person chooses the ground; it is recorded with the hold and in the incident's decision log.
 * Constants are stored by ordinal: add new ones at the end only.
 */
public enum S68Restriction {
    INQUIRY("a", "avoid obstructing an official or legal inquiry, investigation or procedure"),
    CRIME("b", "avoid prejudicing the prevention, detection, investigation or prosecution of criminal offences"
            + " or the execution of criminal penalties"),
    PUBLIC_SECURITY("c", "protect public security"),
    NATIONAL_SECURITY("d", "protect national security"),
    OTHERS_RIGHTS("e", "protect the rights and freedoms of others");

    private final String paragraph;
    private final String purpose;

    S68Restriction(String paragraph, String purpose) {
        this.paragraph = paragraph;
        this.purpose = purpose;
    }

    /** "DPA 2018 s.68(7)(b)". */
    public String provision() {
        return "DPA 2018 s.68(7)(" + paragraph + ")";
    }

    /** What the restriction is for, as the Act words it: "to avoid prejudicing …". */
    public String purpose() {
        return "to " + purpose;
    }

    /** The ground an operator names: the constant (any case, '-' for '_') or its paragraph letter. */
    public static S68Restriction parse(String given) {
        String key = given.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (S68Restriction ground : values()) {
            if (ground.name().equals(key) || ground.paragraph.toUpperCase(Locale.ROOT).equals(key)) {
                return ground;
            }
        }
        throw new IllegalArgumentException("--s68-7 must be one of " + choices());
    }

    /** Every ground, for help and messages: "INQUIRY (a: avoid obstructing …), …". */
    public static String choices() {
        return Arrays.stream(values()).map(g -> g.name() + " (" + g.paragraph + ": " + g.purpose + ")")
                .collect(Collectors.joining("; "));
    }
}
