package org.breachtriage.core.cases;

/**
 * Workforce data falls under UK GDPR. Data about victims, witnesses or suspects falls under
 * DPA 2018 Part 3 (s.67/s.68); kept on the case although only UK GDPR is implemented.
 */
public enum Regime { UK_GDPR, DPA_2018_PART_3 }
