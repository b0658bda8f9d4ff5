package org.breachtriage.core.manifest;

/** ENISA circumstances of breach: loss of integrity. */
public enum Integrity { NONE, RECOVERABLE, UNRECOVERABLE }
