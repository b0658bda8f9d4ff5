package org.breachtriage.core.model;

/** How a person is told. Ordered from least to most personal. */
public enum ContactChannel { NONE, EMAIL, LETTER, PHONE, IN_PERSON }
