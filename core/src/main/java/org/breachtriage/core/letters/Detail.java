package org.breachtriage.core.letters;

/** The personal details a notice's text could carry; {@link ChannelSafety} says which each channel may. */
public enum Detail { FORENAME, SURNAME, EXPOSED_CATEGORIES, RANK, UNIT, ROLES, VETTING_LEVEL, REASONS }
