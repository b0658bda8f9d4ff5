package org.breachtriage.core.model;

/**
 * Whose data a manifest row is about. STAFF rows are the workforce, looked up in the staff table by
 * pay number. The others are people outside it, identified by the manifest's {@code subject_ref} and
 * scored from the manifest alone: victims, witnesses and suspects, whose data a force holds for law
 * enforcement purposes and which falls under DPA 2018 Part 3, and anyone else (OTHER, for example a
 * member of the public who complained), whose data stays under UK GDPR unless the incident says
 * otherwise.
 */
public enum SubjectType {
    STAFF, VICTIM, WITNESS, SUSPECT, OTHER;

    public boolean staff() {
        return this == STAFF;
    }

    /** A victim, witness or suspect: their data makes an incident's regime DPA 2018 Part 3 unless it says otherwise. */
    public boolean lawEnforcementSubject() {
        return this == VICTIM || this == WITNESS || this == SUSPECT;
    }
}
