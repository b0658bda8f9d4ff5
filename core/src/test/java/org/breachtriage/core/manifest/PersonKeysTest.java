package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.api.Test;

class PersonKeysTest {

    @Test
    void aVictimsReferenceNeverMeetsTheSamePayNumber() {
        String victim = PersonKeys.subject(SubjectType.VICTIM, " 12345 ");
        assertEquals("VICTIM:12345", victim);
        assertNotEquals("12345", victim);
        assertNotEquals(PersonKeys.subject(SubjectType.WITNESS, "12345"), victim, "each type is its own namespace");
        assertEquals(SubjectType.VICTIM, PersonKeys.subjectType(victim));
        assertEquals("12345", PersonKeys.ref(victim));
        assertEquals(SubjectType.STAFF, PersonKeys.subjectType("12345"));
        assertEquals("12345", PersonKeys.ref("12345"));
        assertThrows(IllegalArgumentException.class, () -> PersonKeys.subject(SubjectType.STAFF, "12345"));
    }

    @Test
    void anOperatorNamesAPersonByPayNumberOrByTypeAndReferenceInAnyCase() {
        assertEquals("MP000001", PersonKeys.fromArgument(" mp000001 "));
        assertEquals("WITNESS:NS-W-0001", PersonKeys.fromArgument("witness:ns-w-0001"));
        IllegalArgumentException staff = assertThrows(IllegalArgumentException.class,
                () -> PersonKeys.fromArgument("STAFF:MP000001"));
        assertEquals("a person is a pay number, or a subject type and subject_ref such as VICTIM:REF; the part before"
                + " ':' must be one of VICTIM, WITNESS, SUSPECT, OTHER", staff.getMessage());
    }

    @Test
    void aKeyFromAMessageIsAPayNumberOrATypedReference() {
        assertNull(PersonKeys.problem("MP000001"));
        assertNull(PersonKeys.problem("SUSPECT:S-1"));
        assertEquals(PayNumbers.RULE + "; this one contains a space", PersonKeys.problem("MP 1"));
        assertEquals("subject_ref is blank", PersonKeys.problem("VICTIM:"));
        assertEquals("a person key is a pay number or one of VICTIM, WITNESS, SUSPECT, OTHER, ':' and a subject_ref",
                PersonKeys.problem("STAFF:MP000001"));
    }
}
