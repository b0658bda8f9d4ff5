package org.breachtriage.core.manifest;

/**
 * Whether the breached data was unintelligible to whoever got it (UK GDPR Art. 34(3)(a); ENISA's
 * "unintelligibility" criterion): encrypted to a current standard with a key that was not
 * compromised, or hashed and salted with a current algorithm.
 */
public enum Unintelligible {
    NONE, ENCRYPTED, HASHED_SALTED
}
