package org.breachtriage.core.model;

/**
 * How easily a name singles someone out, computed at roster import from how many people share the
 * surname and the full name. Never derived from ethnicity.
 */
public enum NameRarity { COMMON, UNCOMMON, RARE, UNIQUE }
