package org.breachtriage.core.manifest;

/** ENISA circumstances of breach: loss of availability. */
public enum Availability { NONE, TEMPORARY, PERMANENT }
