package org.breachtriage.core.scoring;

/**
 * Why a person whose band calls for an Art. 34 notice is not sent one (UK GDPR Art. 34(3)), or
 * {@link #NONE}. Decided per person by the scorer from the incident's mitigations; the notice
 * decision then sends no individual notice and says why.
 */
public enum Art34Exemption {
    NONE(null, null),
    /** (a): the data is unintelligible to anyone not authorised to access it, such as by encryption. */
    UNINTELLIGIBLE("Art. 34(3)(a)", "the data was unintelligible to whoever holds it (encrypted with a key that was"
            + " not compromised, or hashed and salted)"),
    /** (b): measures taken since make the high risk no longer likely to materialise. */
    LATER_MEASURES("Art. 34(3)(b)", "measures taken since the breach, recorded in the incident details, mean the"
            + " high risk is no longer likely to materialise"),
    /** (c): individual notices would involve disproportionate effort; a public communication instead. */
    PUBLIC_COMMUNICATION("Art. 34(3)(c)", "telling each person would involve disproportionate effort, and a public"
            + " communication, recorded in the incident details, informs them as effectively instead");

    private final String provision;
    private final String because;

    Art34Exemption(String provision, String because) {
        this.provision = provision;
        this.because = because;
    }

    /** "Art. 34(3)(a)"; null for NONE. */
    public String provision() {
        return provision;
    }

    /** The ground in words; null for NONE. */
    public String because() {
        return because;
    }
}
