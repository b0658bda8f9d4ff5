package org.breachtriage.core.model;

/** Roles whose exposure puts a person at particular risk. */
public enum RoleFlag { COVERT, COUNTER_TERRORISM, PROTECTION, PROFESSIONAL_STANDARDS }
