package org.breachtriage.core.model;

public enum StaffType { OFFICER, STAFF, SPECIAL, PCSO, CONTRACTOR }
