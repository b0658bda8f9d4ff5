package org.breachtriage.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breachtriage.core.manifest.RepeatingInputStream;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RosterReaderTest {
    private static final String HEADER = "pay_number,forename,surname,staff_type,rank,unit,role_flags,vetting_level,contact_channel,association,force\n";
    private static final String FORCE = "Metropolitan Police Service";

    private static RosterImport read(String name, InputStream in) {
        try {
            RosterImport result = new RosterReader().read(name, in);
            checkAccounting(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RosterImport read(String name, String text) {
        return read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static RosterImport csv(String rows) {
        return read("roster.csv", HEADER + rows);
    }

    /** Nothing dropped: every row read is either a member or has at least one error. */
    private static void checkAccounting(RosterImport result) {
        Set<Long> rowsWithErrors = result.errors().stream().map(RowRejection::rowNumber).collect(Collectors.toSet());
        assertEquals(result.rowsRead(), result.members().size() + rowsWithErrors.size(),
                () -> "members " + result.members().size() + ", rows with errors " + rowsWithErrors + ", read " + result.rowsRead());
    }

    private static Map<String, StaffMember> byPayNumber(RosterImport result) {
        return result.members().stream().collect(Collectors.toMap(StaffMember::payNumber, Function.identity()));
    }

    @Test
    void readsACsvRosterWithBomCrlfQuotesAndAnUnknownColumn() throws Exception {
        RosterImport result;
        try (InputStream in = getClass().getResourceAsStream("/staff/roster.csv")) {
            result = read("roster.csv", in);
        }
        assertEquals(List.of(), result.errors());
        assertEquals(5, result.rowsRead());
        Map<String, StaffMember> members = byPayNumber(result);

        StaffMember okafor = members.get("MP100001");
        assertEquals(StaffType.OFFICER, okafor.staffType());
        assertEquals("Territorial Policing, North", okafor.unit());
        assertEquals(Set.of(), okafor.roleFlags());
        assertEquals(VettingLevel.NPPV2A, okafor.vettingLevel());
        assertEquals(ContactChannel.LETTER, okafor.contactChannel(), "empty channel means a letter");
        assertEquals("Police Federation", okafor.association());
        assertEquals(FORCE, okafor.force());

        StaffMember smith = members.get("MP100002");
        assertEquals(Set.of(RoleFlag.COUNTER_TERRORISM, RoleFlag.COVERT), smith.roleFlags());
        assertEquals(ContactChannel.IN_PERSON, smith.contactChannel());
        assertEquals(VettingLevel.SC, smith.vettingLevel());

        StaffMember janeSmith = members.get("MP100003");
        assertNull(janeSmith.vettingLevel(), "'none' means no vetting");
        assertEquals(ContactChannel.EMAIL, janeSmith.contactChannel());
        assertEquals("", janeSmith.association());

        assertNull(members.get("MP100004").vettingLevel(), "empty means no vetting");
        assertEquals(StaffType.CONTRACTOR, members.get("MP100005").staffType());
        assertEquals("", members.get("MP100005").rank());
    }

    @Test
    void readsAJsonLinesRoster() throws Exception {
        RosterImport result;
        try (InputStream in = getClass().getResourceAsStream("/staff/roster.jsonl")) {
            result = read("roster.jsonl", in);
        }
        assertEquals(3, result.rowsRead(), "the blank line is not a row");
        Map<String, StaffMember> members = byPayNumber(result);
        assertEquals(Set.of(RoleFlag.PROTECTION), members.get("MP200001").roleFlags());
        assertEquals(VettingLevel.DV, members.get("MP200001").vettingLevel());
        assertEquals(StaffType.SPECIAL, members.get("MP200002").staffType());
        assertEquals(Set.of(), members.get("MP200002").roleFlags());
        assertEquals(1, result.errors().size());
        RowRejection error = result.errors().get(0);
        assertEquals(3, error.rowNumber());
        assertEquals("staff_type", error.field());
        assertEquals("wizard", error.value());
        assertEquals("'wizard' is not allowed; allowed values: OFFICER, STAFF, SPECIAL, PCSO, CONTRACTOR", error.reason());
    }

    static Stream<Arguments> invalidRows() {
        return Stream.of(
                Arguments.of("MP 1,A,B,OFFICER,,,,,,," + FORCE, "pay_number", "a pay number must be 1-32 characters"),
                Arguments.of(",A,B,OFFICER,,,,,,," + FORCE, "pay_number", "pay number is blank"),
                Arguments.of("MP1,A,,OFFICER,,,,,,," + FORCE, "surname", "surname missing"),
                Arguments.of("MP1,A,B,,,,,,,," + FORCE, "staff_type", "staff type missing; allowed values: OFFICER"),
                Arguments.of("MP1,A,B,sergeant,,,,,,," + FORCE, "staff_type", "'sergeant' is not allowed; allowed values: OFFICER"),
                Arguments.of("MP1,A,B,OFFICER,,,covert;spy,,,," + FORCE, "role_flags",
                        "'spy' is not allowed; allowed values: COVERT, COUNTER_TERRORISM, PROTECTION, PROFESSIONAL_STANDARDS"),
                Arguments.of("MP1,A,B,OFFICER,,,,TOP SECRET,,," + FORCE, "vetting_level", "'TOP SECRET' is not allowed; allowed values: RV, MV"),
                Arguments.of("MP1,A,B,OFFICER,,,,,pigeon,," + FORCE, "contact_channel",
                        "'pigeon' is not allowed; allowed values: NONE, EMAIL, LETTER, PHONE, IN_PERSON (or empty for LETTER)"),
                Arguments.of("MP1,A,B,OFFICER,,,,,,,", "force", "force missing"),
                Arguments.of("MP1,A,B,OFFICER", "force", "force missing"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidRows")
    void reportsInvalidRowsNamingTheField(String row, String field, String reasonStart) {
        RosterImport result = csv("OK1,Good,Row,STAFF,,,,,,," + FORCE + "\n" + row + "\n");
        assertEquals(1, result.members().size());
        assertEquals(1, result.errors().size(), result.errors().toString());
        RowRejection error = result.errors().get(0);
        assertEquals(2, error.rowNumber());
        assertEquals(field, error.field());
        assertTrue(error.reason().startsWith(reasonStart), error.reason());
    }

    @Test
    void reportsEveryErrorOfARowAtOnce() {
        RosterImport result = csv("MP.1,A,,pilot,,,ninja,XX,owl,,\n");
        List<String> fields = result.errors().stream().map(RowRejection::field).toList();
        assertEquals(List.of("pay_number", "surname", "force", "staff_type", "role_flags", "vetting_level", "contact_channel"), fields);
        assertEquals(List.of(), result.members());
        assertEquals(1, result.rowsRead());
    }

    @Test
    void duplicatePayNumberIsAnErrorOnTheLaterRow() {
        RosterImport result = csv("MP1,Ann,Hughes,OFFICER,,,,,,," + FORCE + "\n"
                + "MP2,Bob,Hughes,OFFICER,,,,,,," + FORCE + "\n"
                + " mp1 ,Ann,Hughes,STAFF,,,,,,," + FORCE + "\n");
        assertEquals(List.of("MP1", "MP2"), result.members().stream().map(StaffMember::payNumber).toList());
        assertEquals(1, result.errors().size());
        assertEquals(3, result.errors().get(0).rowNumber());
        assertEquals("pay_number", result.errors().get(0).field());
        assertEquals("MP1", result.errors().get(0).value());
        assertTrue(result.errors().get(0).reason().startsWith("duplicate pay number"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"pay_number", "payNumber", "PAY_NO", "Staff Number", "service-number", "Employee ID"})
    void headerAliasesAndSpellings(String payHeader) {
        RosterImport result = read("r.csv", "\"" + payHeader + "\",FORENAME,Sur Name,staff-type,FORCE,notes\nab-12,X,Y,officer," + FORCE + ",n\n");
        assertEquals(List.of(), result.errors());
        assertEquals("AB-12", result.members().get(0).payNumber());
    }

    @Test
    void missingRequiredColumnsFailTheFile() {
        RosterFormatException e = assertThrows(RosterFormatException.class, () -> read("r.csv", "pay_number,surname,rank\nMP1,Smith,PC\n"));
        assertEquals("r.csv: the header lacks required column(s) forename, staff_type, force; columns found: 'pay_number', 'surname', 'rank'",
                e.getMessage());
    }

    @Test
    void semicolonRosterIsExplained() {
        RosterFormatException e = assertThrows(RosterFormatException.class,
                () -> read("r.csv", "pay_number;forename;surname;staff_type;force\nMP1;A;B;OFFICER;X\n"));
        assertTrue(e.getMessage().contains("the header lacks required column(s) pay_number (or payNumber"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the header looks ';'-separated; rosters must be comma-separated"), e.getMessage());
    }

    @Test
    void aValueOfAClosedVocabularyIsQuotedOnlyWhenItIsShapedLikeOne() {
        RosterImport result = read("r.csv", "pay_number,forename,surname,staff_type,force\nMP1,A,B,Quillfeather,F\nMP2,A,B,PZ734519,F\nMP3,A,B,offcer,F\n");
        assertEquals("the value is not allowed (not quoted: it does not look like a misspelt token); allowed values: OFFICER, "
                + "STAFF, SPECIAL, PCSO, CONTRACTOR", result.errors().get(0).reason());
        assertTrue(result.errors().get(1).reason().startsWith("the value is not allowed (not quoted"), result.errors().get(1).reason());
        assertTrue(result.errors().get(2).reason().startsWith("'offcer' is not allowed"), result.errors().get(2).reason());
    }

    @Test
    void aJsonLinesRosterRowNestedTooDeeplyIsNamed() {
        RosterImport result = read("r.jsonl", "{\"pay_number\": \"MP1\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}\n");
        assertEquals("nested too deeply: more than 100 levels of arrays and objects (line 1)", result.errors().get(0).reason());
    }

    @Test
    void emptyAndHeaderOnlyRosters() {
        assertEquals("r.csv: empty roster: no header row",
                assertThrows(RosterFormatException.class, () -> read("r.csv", "\uFEFF\r\n")).getMessage());
        assertEquals("r.jsonl: empty roster: no records",
                assertThrows(RosterFormatException.class, () -> read("r.jsonl", "")).getMessage());
        RosterImport headerOnly = read("r.csv", HEADER);
        assertEquals(0, headerOnly.rowsRead());
        assertEquals(List.of(), headerOnly.members());
    }

    @Test
    void unsupportedTypeIsRefused() {
        RosterFormatException e = assertThrows(RosterFormatException.class, () -> read("roster.xlsx", "PK"));
        assertEquals("roster.xlsx: unsupported roster type; expected .csv, .jsonl or .ndjson", e.getMessage());
    }

    @Test
    void binaryJunkFailsTheFile() {
        RosterFormatException nul = assertThrows(RosterFormatException.class,
                () -> csv("MP1,A,B,OFFICER,,,,,,," + FORCE + "\nMP2,A\u0000,B,OFFICER,,,,,,," + FORCE + "\n"));
        assertEquals("roster.csv: line 3: binary content (a NUL byte); the file must be UTF-8 text", nul.getMessage());
        byte[] latin1 = (HEADER + "MP1,Zo\u00eb,B,OFFICER,,,,,,," + FORCE + "\n").getBytes(StandardCharsets.ISO_8859_1);
        RosterFormatException utf = assertThrows(RosterFormatException.class,
                () -> read("roster.csv", new ByteArrayInputStream(latin1)));
        assertEquals("roster.csv: line 2: invalid UTF-8 byte sequence; the file must be UTF-8 text", utf.getMessage());
    }

    @Test
    void tenMegabyteFieldIsAnErrorAndReadingContinues() {
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream((HEADER + "MP1,A,B,OFFICER,,").getBytes(StandardCharsets.UTF_8)),
                new RepeatingInputStream((byte) 'u', 10L * 1024 * 1024),
                new ByteArrayInputStream((",,,,," + FORCE + "\nMP2,C,D,STAFF,,,,,,," + FORCE + "\n").getBytes(StandardCharsets.UTF_8)))));
        RosterImport result = read("roster.csv", in);
        assertEquals(2, result.rowsRead());
        assertEquals("row", result.errors().get(0).field());
        assertEquals("MP1", result.errors().get(0).value());
        assertTrue(result.errors().get(0).reason().startsWith("field too long"));
        assertEquals("MP2", result.members().get(0).payNumber());
    }

    @Test
    void brokenJsonLinesAreErrorsNotCrashes() {
        RosterImport result = read("r.ndjson", "{\"pay_number\": \"MP1\", \"forename\": \"A\", \"surname\": \"B\", \"staff_type\": \"STAFF\", \"force\": \"F\"}\n"
                + "{\"pay_number\": \"MP2\", \n"
                + "[1, 2]\n"
                + "{\"pay_number\": \"MP3\", \"surname\": \"C\", \"staff_type\": \"STAFF\", \"force\": \"F\", \"role_flags\": [\"covert\", 1]}\n");
        assertEquals(4, result.rowsRead());
        assertEquals(List.of("MP1"), result.members().stream().map(StaffMember::payNumber).toList());
        assertEquals(List.of(2L, 3L, 4L), result.errors().stream().map(RowRejection::rowNumber).toList());
        assertEquals("role_flags", result.errors().get(2).field());
    }

    @Test
    void rarityIsComputedOverTheWholeRoster() {
        StringBuilder rows = new StringBuilder();
        // 'Smith': 30 holders (common in a 60-person roster: limit is max(20, 0.03) = 20)
        for (int i = 0; i < 30; i++) {
            rows.append("S").append(i).append(",Name").append(i).append(",Smith,OFFICER,,,,,,,F\n");
        }
        // 'Jones': 10 holders (uncommon)
        for (int i = 0; i < 10; i++) {
            rows.append("J").append(i).append(",Name").append(i).append(",JONES,OFFICER,,,,,,,F\n");
        }
        // 'Okafor': 4 holders (rare)
        for (int i = 0; i < 4; i++) {
            rows.append("O").append(i).append(",Name").append(i).append(",okafor,OFFICER,,,,,,,F\n");
        }
        // 'Nakamura-Ellis': 2 holders with different forenames (unique), 'Quist': 2 holders, same full name (rare)
        rows.append("N1,Aiko,Nakamura-Ellis,OFFICER,,,,,,,F\n");
        rows.append("N2,Ben,Nakamura-Ellis,OFFICER,,,,,,,F\n");
        rows.append("Q1,Ada,Quist,OFFICER,,,,,,,F\n");
        rows.append("Q2,ada ,  QUIST,OFFICER,,,,,,,F\n");
        // the rejected row below shares a surname but must not count: only members count
        rows.append("BAD,Zed,Zebedee,alien,,,,,,,F\n");
        rows.append("Z1,Zara,Zebedee,OFFICER,,,,,,,F\n");
        Map<String, StaffMember> members = byPayNumber(csv(rows.toString()));
        assertEquals(NameRarity.COMMON, members.get("S0").nameRarity());
        assertEquals(NameRarity.UNCOMMON, members.get("J0").nameRarity());
        assertEquals(NameRarity.RARE, members.get("O0").nameRarity());
        assertEquals(NameRarity.UNIQUE, members.get("N1").nameRarity());
        assertEquals(NameRarity.UNIQUE, members.get("N2").nameRarity());
        assertEquals(NameRarity.RARE, members.get("Q1").nameRarity(), "same full name, case and blanks ignored");
        assertEquals(NameRarity.RARE, members.get("Q2").nameRarity());
        assertEquals(NameRarity.UNIQUE, members.get("Z1").nameRarity());
    }

    @Test
    void aLargeRosterIsReadWhole() {
        int people = 60_000;
        int rowsPerChunk = 1_000;
        // generated a chunk at a time, so the test does not hold the whole file either
        java.util.Enumeration<InputStream> chunks = new java.util.Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < people;
            }

            @Override
            public InputStream nextElement() {
                if (next < 0) {
                    next = 0;
                    return new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8));
                }
                StringBuilder text = new StringBuilder();
                int start = next;
                for (int i = start; i < Math.min(start + rowsPerChunk, people); i++) {
                    text.append("MP").append(i).append(",Fore").append(i % 977).append(",Sur").append(i % 2_400)
                            .append(",OFFICER,Constable,Unit ").append(i % 50).append(",,NPPV2A,,Police Federation,")
                            .append(FORCE).append('\n');
                }
                next = start + rowsPerChunk;
                return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        RosterImport result = read("big.csv", new SequenceInputStream(chunks));
        assertEquals(people, result.rowsRead());
        assertEquals(List.of(), result.errors());
        assertEquals(people, new HashSet<>(result.members().stream().map(StaffMember::payNumber).toList()).size());
        // each surname has 25 holders: above the floor of 20, within 0.05% of 60,000 (30), so the share decides
        assertTrue(result.members().stream().allMatch(m -> m.nameRarity() == NameRarity.UNCOMMON));
    }
}
