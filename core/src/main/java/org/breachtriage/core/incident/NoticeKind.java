package org.breachtriage.core.incident;

import java.util.Locale;

/** The first notice a person gets, or the one notice for a band they rose to after being told. */
public enum NoticeKind {
    INITIAL, ESCALATION;

    /** "initial" or "escalation", as messages and notice ids spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
