package org.breachtriage.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The manifest columns of people outside the workforce (since manifest version 2): {@code subject_type},
 * {@code subject_ref} and {@code contact_channel}, read alike from CSV, JSON Lines and a JSON envelope,
 * with the same row errors, which name the row and field and never quote a reference.
 */
class SubjectColumnsTest {

    /** The same six records in each format: a victim, a witness, two staff rows, two bad rows. */
    static Stream<Arguments> formats() {
        String csv = """
                subject_type,subject_ref,pay_number,contact_channel,exposed_fields
                VICTIM,ns-v-0001,,in person,name;home_address
                Witness,NS-W-0001,,,name
                ,,MP000001,,name
                STAFF,,mp000002,EMAIL,name
                VICTIM,,MP000003,,name
                SUSPECT,NS-S-0001,,TELEGRAM,name
                """;
        String[] objects = {
            "{\"subject_type\": \"VICTIM\", \"subject_ref\": \"ns-v-0001\", \"contact_channel\": \"in person\", \"exposed_fields\": [\"name\", \"home_address\"]}",
            "{\"subjectType\": \"Witness\", \"subjectRef\": \"NS-W-0001\", \"exposed_fields\": \"name\"}",
            "{\"pay_number\": \"MP000001\", \"exposed_fields\": \"name\"}",
            "{\"subject_type\": \"STAFF\", \"pay_number\": \"mp000002\", \"contact_channel\": \"EMAIL\", \"exposed_fields\": \"name\"}",
            "{\"subject_type\": \"VICTIM\", \"pay_number\": \"MP000003\", \"exposed_fields\": \"name\"}",
            "{\"subject_type\": \"SUSPECT\", \"subject_ref\": \"NS-S-0001\", \"contact_channel\": \"TELEGRAM\", \"exposed_fields\": \"name\"}",
        };
        String jsonl = String.join("\n", objects) + "\n";
        String envelope = "{\"incident\": {\"supplier\": \"x\"}, \"records\": [" + String.join(",", objects) + "]}";
        return Stream.of(Arguments.of("subjects.csv", csv), Arguments.of("subjects.jsonl", jsonl),
                Arguments.of("subjects.json", envelope));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void subjectsOutsideTheWorkforceAreKeyedByTheirReferenceApartFromPayNumbers(String name, String text) {
        RecordingVisitor v = RecordingVisitor.read(name, text);

        assertEquals(new ManifestReader.ReadSummary(6, 4, 2), v.summary);
        ManifestRow victim = v.accepted.get(0);
        assertEquals(SubjectType.VICTIM, victim.subjectType());
        assertEquals("NS-V-0001", victim.subjectRef(), "trimmed and upper-cased, as a pay number is");
        assertNull(victim.payNumber());
        assertEquals(ContactChannel.IN_PERSON, victim.contactChannel());
        assertEquals("VICTIM:NS-V-0001", victim.personKey());

        ManifestRow witness = v.accepted.get(1);
        assertEquals(SubjectType.WITNESS, witness.subjectType(), "case-insensitive");
        assertEquals(ContactChannel.LETTER, witness.contactChannel(), "LETTER when not given");
        assertEquals("WITNESS:NS-W-0001", witness.personKey());

        ManifestRow defaulted = v.accepted.get(2);
        assertEquals(SubjectType.STAFF, defaulted.subjectType(), "no subject_type: staff, as before version 2");
        assertEquals("MP000001", defaulted.personKey());
        assertNull(defaulted.contactChannel(), "staff are reached as the staff table says");
        ManifestRow staff = v.accepted.get(3);
        assertEquals("MP000002", staff.personKey());
        assertNull(staff.contactChannel());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aSubjectWithoutAReferenceAndAnUnknownChannelAreRowErrorsThatQuoteNoReference(String name, String text) {
        RecordingVisitor v = RecordingVisitor.read(name, text);

        RowRejection noRef = v.rejected.get(0);
        assertEquals(5, noRef.rowNumber());
        assertEquals("subject_ref", noRef.field());
        // An empty CSV cell is blank, an absent JSON key missing: either way the row says which field.
        assertTrue(noRef.describe().matches("row 5: subject_ref: subject_ref (missing|is blank) \\(a VICTIM row is"
                + " identified by its subject_ref\\)"), noRef.describe());
        assertFalse(noRef.reason().contains("MP000003"), "the pay number a victim row carries is not its key");

        RowRejection channel = v.rejected.get(1);
        assertEquals(6, channel.rowNumber());
        assertEquals("contact_channel", channel.field());
        assertEquals("contact_channel must be one of EMAIL, LETTER, PHONE, IN_PERSON; found 'TELEGRAM'", channel.reason());
        assertFalse(v.rejected.stream().anyMatch(r -> r.reason().contains("NS-S-0001")), "a reference is never quoted");
    }

    @Test
    void aRowCrossesTheBatchQueueIntactAndAStaffRowIsWrittenAsBeforeVersion2() {
        ManifestRow staff = new ManifestRow(1, "MP000001", java.util.Set.of(), null, null, null, null);
        ManifestRow victim = new ManifestRow(2, null, java.util.Set.of(), null, null, null, null, SubjectType.VICTIM,
                "NS-V-0001", ContactChannel.PHONE);
        String staffJson = org.breachtriage.core.json.Json.write(staff);
        assertFalse(staffJson.contains("subjectType") || staffJson.contains("subjectRef") || staffJson.contains("contactChannel"),
                staffJson);
        assertEquals(staff, org.breachtriage.core.json.Json.read(staffJson, ManifestRow.class));
        assertEquals(victim, org.breachtriage.core.json.Json.read(org.breachtriage.core.json.Json.write(victim),
                ManifestRow.class));
    }

    @Test
    void anUnknownSubjectTypeIsQuotedOnlyWhenItLooksLikeAMisspeltToken() {
        RecordingVisitor v = RecordingVisitor.read("m.csv", "subject_type,subject_ref\nVICTUM,R-1\nQuillfeather,R-2\n");

        assertEquals("subject_type must be one of STAFF, VICTIM, WITNESS, SUSPECT, OTHER; found 'VICTUM'",
                v.rejected.get(0).reason());
        assertEquals("subject_type must be one of STAFF, VICTIM, WITNESS, SUSPECT, OTHER; found "
                + RowRejection.NOT_QUOTED, v.rejected.get(1).reason(), "a name in the wrong column is not quoted");
    }

    @Test
    void aStaffRowStillNeedsItsPayNumberAndAReferenceTooLongIsDescribedNotQuoted() {
        String longRef = "R".repeat(PayNumbers.MAX_LENGTH + 1);
        RecordingVisitor v = RecordingVisitor.read("m.csv", "subject_type,pay_number,subject_ref\nSTAFF,,R-1\n"
                + "OTHER,,R 1\nOTHER,," + longRef + "\n");

        assertEquals("row 1: pay_number: pay number is blank", v.rejected.get(0).describe());
        assertEquals("subject_ref", v.rejected.get(1).field());
        assertEquals(PayNumbers.SUBJECT_REF_RULE + "; this one contains a space (a OTHER row is identified by its"
                + " subject_ref)", v.rejected.get(1).reason());
        assertTrue(v.rejected.get(2).reason().contains("this one is 33 characters long"), v.rejected.get(2).reason());
        assertFalse(v.rejected.get(2).reason().contains(longRef));
    }

    @Test
    void aManifestOfSubjectsNeedsNoPayNumberColumnButOneWithNeitherColumnIsRefused() {
        RecordingVisitor v = RecordingVisitor.read("victims.csv", "subject_type,subject_ref,exposed_fields\nVICTIM,V-1,name\n");
        assertEquals(List.of("VICTIM:V-1"), v.accepted.stream().map(ManifestRow::personKey).toList());

        ManifestFormatException neither = assertThrows(ManifestFormatException.class,
                () -> RecordingVisitor.read("x.csv", "subject_type,exposed_fields\nVICTIM,name\n"));
        assertTrue(neither.getMessage().startsWith("x.csv: no pay-number column in the header"), neither.getMessage());
    }

    @Test
    void aSubjectsManifestWithoutItsTypeColumnIsReadAsStaffAndEachRowSaysThePayNumberIsMissing() {
        RecordingVisitor v = RecordingVisitor.read("refs.csv", "subject_ref,exposed_fields\nV-1,name\n");

        assertEquals(0, v.accepted.size());
        assertEquals("row 1: pay_number: pay number missing", v.rejected.getFirst().describe());
    }
}
