package org.breachtriage.core.ports;

/**
 * {@code alerts} carries no personal data (on-call, Federation, security); {@code notices} carries one
 * minimal message per person to notify and has restricted subscribers.
 */
public enum Topic {
    ALERTS("alerts"), NOTICES("notices");

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
