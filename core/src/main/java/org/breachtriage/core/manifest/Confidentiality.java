package org.breachtriage.core.manifest;

/** ENISA circumstances of breach: loss of confidentiality. */
public enum Confidentiality { NO_EVIDENCE, KNOWN_RECIPIENTS, UNKNOWN_RECIPIENTS }
