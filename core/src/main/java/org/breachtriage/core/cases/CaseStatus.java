package org.breachtriage.core.cases;

/** INGESTING → SCORING → SCORED → REPORTED, or FAILED with a reason. */
public enum CaseStatus { INGESTING, SCORING, SCORED, REPORTED, FAILED }
