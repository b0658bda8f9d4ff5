package org.breachtriage.core.manifest;

/**
 * Who received data disclosed to known recipients ({@code confidentiality: KNOWN_RECIPIENTS} only):
 * a trusted recipient who confirmed deleting it, or one known person.
 */
public enum Recipient {
    TRUSTED_DELETED, KNOWN_SINGLE
}
