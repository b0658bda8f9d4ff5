package org.breachtriage.core.manifest;

import static org.breachtriage.core.model.DataCategory.NAME;
import static org.breachtriage.core.model.DataCategory.PAY_NUMBER;
import static org.breachtriage.core.model.DataCategory.PHOTO;
import static org.breachtriage.core.model.DataCategory.RANK;
import static org.breachtriage.core.model.DataCategory.VETTING_LEVEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.breachtriage.core.csv.CsvRecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvManifestReaderTest {

    private static RecordingVisitor read(String text) {
        return RecordingVisitor.read("upload.csv", text);
    }

    @Test
    void readsAMixedFileWithBomCrlfQuotesAndBadRows() throws Exception {
        RecordingVisitor v;
        try (InputStream in = getClass().getResourceAsStream("/manifest/mixed.csv")) {
            v = RecordingVisitor.read("mixed.csv", in);
        }
        assertEquals(new ManifestReader.ReadSummary(6, 4, 2), v.summary);

        ManifestRow first = v.row(1);
        assertEquals("MP100001", first.payNumber());
        assertEquals(Set.of(NAME, RANK, PHOTO, PAY_NUMBER), first.exposedFields());
        assertEquals("Okafor", first.surname());
        assertEquals("NPPV2A", first.vettingLevel());

        ManifestRow second = v.row(2);
        assertEquals("MP100002", second.payNumber(), "trimmed and upper-cased");
        assertEquals("Smith, Jnr", second.surname());
        assertEquals(Set.of(NAME, RANK, VETTING_LEVEL), second.exposedFields());

        ManifestRow third = v.row(3);
        assertEquals("O'Brien", third.surname());
        assertEquals("Multi\r\nLine", third.forename());
        assertNull(third.vettingLevel(), "blank echo is not given");
        assertEquals(Set.of(), third.exposedFields(), "empty exposed_fields means incident defaults");

        assertEquals("pay_number", v.rejection(4).field());
        assertEquals("MP 4", v.rejection(4).value());
        assertEquals("exposed_fields", v.rejection(5).field());
        assertTrue(v.rejection(5).reason().contains("'shoe_size'"), v.rejection(5).reason());

        assertEquals("MP100001", v.row(6).payNumber(), "a repeated row is still a row; de-duplication happens later");
    }

    static Stream<String> payNumberHeaders() {
        return Stream.of("pay_number", "payNumber", "pay_no", "staff_number", "service_number", "employee_id",
                "PAY_NUMBER", "Pay Number", "pay-number", " Pay_Number ", "Staff Number", "EMPLOYEE-ID", "PayNo");
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("payNumberHeaders")
    void acceptsEveryPayNumberSpelling(String header) {
        RecordingVisitor v = read("Exposed_Fields,\"" + header + "\",Unknown Column\nname,MP1,whatever\n");
        assertEquals(1, v.accepted.size(), () -> v.rejected.toString());
        assertEquals("MP1", v.row(1).payNumber());
        assertEquals(Set.of(NAME), v.row(1).exposedFields());
    }

    @ParameterizedTest(name = "empty variant {index}")
    @ValueSource(strings = {"", "\uFEFF", "   \n\r\n\t\n", "\uFEFF\r\n"})
    void emptyFileHasNoHeaderRow(String content) {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(content));
        assertEquals("upload.csv: empty manifest: no header row", e.getMessage());
    }

    @Test
    void headerOnlyIsZeroRows() {
        RecordingVisitor v = read("pay_number,exposed_fields\r\n");
        assertEquals(new ManifestReader.ReadSummary(0, 0, 0), v.summary);
    }

    @Test
    void semicolonSeparatedHeaderIsExplained() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("pay_number;surname;exposed_fields\nMP1;Smith;name\n"));
        assertTrue(e.getMessage().startsWith("upload.csv: no pay-number column"), e.getMessage());
        assertTrue(e.getMessage().contains("columns found: no column name among its 1 cell"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the header looks ';'-separated; manifests must be comma-separated"), e.getMessage());
    }

    @Test
    void aRosterExportedWithoutItsHeaderIsRefusedWithoutQuotingItsFirstPersonOrBlamingTheSeparator() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read(
                "PZ734519,Zephyrine,Quillfeather,OFFICER,Wing Commander,Kestrel Unit,COVERT;PROTECTION,SC,IN_PERSON,,Test Force\n"));
        assertEquals("upload.csv: no pay-number column in the header; expected one of pay_number, payNumber, pay_no, "
                + "staff_number, service_number, employee_id; columns found: no column name among its 11 cells (not quoted: "
                + "the first row may be data; is the header row missing?)", e.getMessage());
    }

    @Test
    void headerCellsThatAreNoColumnNameAreCountedNotQuoted() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read("surname,Payroll Ref,rank\nSmith,1,PC\n"));
        assertTrue(e.getMessage().endsWith("columns found: 'surname', 'rank', and 1 other cell (not quoted: a cell that is no "
                + "column name may hold data)"), e.getMessage());
    }

    @Test
    void tabSeparatedHeaderIsExplained() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read("pay_number\tsurname\n"));
        assertTrue(e.getMessage().endsWith("the header looks tab-separated; manifests must be comma-separated"), e.getMessage());
    }

    @Test
    void missingPayNumberColumnListsTheColumnsFound() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> read("surname,rank\nSmith,PC\n"));
        assertEquals("upload.csv: no pay-number column in the header; expected one of pay_number, payNumber, pay_no, "
                + "staff_number, service_number, employee_id; columns found: 'surname', 'rank'", e.getMessage());
    }

    @Test
    void twoPayNumberColumnsAreRefused() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("pay_number,employee_id\nMP1,E1\n"));
        assertTrue(e.getMessage().contains("more than one pay_number column"), e.getMessage());
    }

    static Stream<Arguments> badPayNumbers() {
        return Stream.of(
                Arguments.of("", "pay number is blank"),
                Arguments.of("   ", "pay number is blank"),
                Arguments.of("MP 100", "contains a space"),
                Arguments.of("MP.100", "contains '.'"),
                Arguments.of("MP100/2", "contains '/'"),
                Arguments.of("MPé100", "contains 'é'"),
                Arguments.of("A".repeat(33), "33 characters long"));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("badPayNumbers")
    void rejectsBadPayNumbers(String payNumber, String reasonPart) {
        RecordingVisitor v = read("pay_number,exposed_fields\n\"" + payNumber + "\",name\nGOOD-1,name\n");
        RowRejection rejection = v.rejection(1);
        assertEquals("pay_number", rejection.field());
        assertTrue(rejection.reason().contains(reasonPart), rejection.reason());
        assertTrue(rejection.value().length() <= RowRejection.MAX_VALUE_CHARS);
        assertEquals("GOOD-1", v.row(2).payNumber());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1", "mp-100001", "  MP100001  ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void acceptsGoodPayNumbersTrimmedAndUpperCased(String payNumber) {
        RecordingVisitor v = read("pay_number\n\"" + payNumber + "\"\n");
        assertEquals(payNumber.trim().toUpperCase(java.util.Locale.ROOT), v.row(1).payNumber());
    }

    @Test
    void valueExcerptIsCutToFortyCharacters() {
        String longValue = "X".repeat(100);
        RecordingVisitor v = read("pay_number\n" + longValue + "\n");
        assertEquals("X".repeat(40), v.rejection(1).value());
    }

    @Test
    void unknownCategoryNamesTheBadValueAndListsTheValidOnes() {
        RecordingVisitor v = read("pay_number,exposed_fields\nMP1,\"name; Rank ;nmae\"\n");
        RowRejection rejection = v.rejection(1);
        assertEquals("exposed_fields", rejection.field());
        assertEquals("name; Rank ;nmae", rejection.value());
        assertTrue(rejection.reason().startsWith("unknown category 'nmae'; valid categories: name, rank, photo"), rejection.reason());
    }

    @Test
    void categorySpellingsAreForgiving() {
        RecordingVisitor v = read("pay_number,exposed_fields\nMP1,\" Name ;VETTING-LEVEL;; pay number;\"\n");
        assertEquals(Set.of(NAME, VETTING_LEVEL, PAY_NUMBER), v.row(1).exposedFields());
    }

    @Test
    void shortAndLongRowsDoNotCrash() {
        RecordingVisitor v = read("surname,pay_number,exposed_fields\nSmith,MP1\nJones\nBrown,MP3,name,extra,more\n");
        assertEquals(Set.of(), v.row(1).exposedFields(), "short row: missing optional value");
        assertEquals("pay number missing", v.rejection(2).reason(), "short row without the pay number");
        assertEquals(Set.of(NAME), v.row(3).exposedFields());
        assertEquals("Brown", v.row(3).surname());
    }

    @Test
    void blankLinesAreSkippedAndNotCounted() {
        RecordingVisitor v = read("\n\npay_number\n\nMP1\n   \n\nMP2\n\n");
        assertEquals(new ManifestReader.ReadSummary(2, 2, 0), v.summary);
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void rowNumbersCountRecordsNotPhysicalLines() {
        RecordingVisitor v = read("pay_number,surname\nMP1,\"a\nb\nc\"\nMP2,x\n");
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void unterminatedQuoteRejectsTheLastRow() {
        RecordingVisitor v = read("pay_number,surname\nMP1,ok\nMP2,\"never closed\nMP3,x\n");
        assertEquals(new ManifestReader.ReadSummary(2, 1, 1), v.summary);
        assertEquals("row", v.rejection(2).field());
        assertEquals("MP2", v.rejection(2).value());
        assertTrue(v.rejection(2).reason().contains("unterminated quoted field"), v.rejection(2).reason());
        assertTrue(v.rejection(2).reason().contains("line 3"), v.rejection(2).reason());
    }

    @Test
    void tenMegabyteLineIsRejectedAndReadingContinues() {
        String header = "pay_number,surname,exposed_fields\n";
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                stream(header + "MP1,"),
                new RepeatingInputStream((byte) 'z', 10L * 1024 * 1024),
                stream(",name\nMP2,Smith,name\n"))));
        RecordingVisitor v = RecordingVisitor.read("big.csv", in);
        assertEquals(new ManifestReader.ReadSummary(2, 1, 1), v.summary);
        RowRejection rejection = v.rejection(1);
        assertEquals("row", rejection.field());
        assertEquals("MP1", rejection.value());
        assertTrue(rejection.reason().startsWith(CsvRecordReader.Problem.FIELD_TOO_LONG.description()), rejection.reason());
        assertEquals("MP2", v.row(2).payNumber());
    }

    @Test
    void nulByteFailsTheFileNamingFileAndLine() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> read("pay_number\nMP1\nMP\u00002\n"));
        assertEquals("upload.csv: line 3: binary content (a NUL byte); the file must be UTF-8 text", e.getMessage());
    }

    @Test
    void invalidUtf8FailsTheFileNamingFileAndLine() {
        byte[] bytes = "pay_number,surname\nMP1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        ManifestFormatException e = assertThrows(ManifestFormatException.class,
                () -> RecordingVisitor.read("latin1.csv", bytes));
        assertEquals("latin1.csv: line 2: invalid UTF-8 byte sequence; the file must be UTF-8 text", e.getMessage());
    }

    @Test
    void accountingHoldsOverManyMixedRows() {
        StringBuilder text = new StringBuilder("pay_number,exposed_fields\n");
        int expectedRejected = 0;
        for (int i = 0; i < 5000; i++) {
            switch (i % 7) {
                case 0 -> {
                    text.append("bad pay ").append(i).append(",name\n");
                    expectedRejected++;
                }
                case 1 -> {
                    text.append("MP").append(i).append(",unknown_thing\n");
                    expectedRejected++;
                }
                case 2 -> text.append("\n");
                default -> text.append("MP").append(i).append(",name;rank\n");
            }
        }
        RecordingVisitor v = read(text.toString());
        long rows = 5000 - 5000 / 7 - (5000 % 7 > 2 ? 1 : 0);
        assertEquals(rows, v.summary.rowsRead());
        assertEquals(expectedRejected, v.summary.rowsRejected());
        assertFalse(v.accepted.isEmpty());
    }

    @Test
    void readerDoesNotHoldRowsBetweenCalls() {
        // the visitor sees each row as it is read: the first accepted row arrives before the last is parsed
        List<Long> seenWhileReading = new ArrayList<>();
        String text = "pay_number\nMP1\nMP2\n";
        ManifestVisitor visitor = new ManifestVisitor() {
            @Override
            public void accepted(ManifestRow row) {
                seenWhileReading.add(row.rowNumber());
            }

            @Override
            public void rejected(RowRejection rejection) {
                throw new AssertionError(rejection.toString());
            }
        };
        try {
            new CsvManifestReader().read("s.csv", stream(text), visitor);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(List.of(1L, 2L), seenWhileReading);
    }

    static InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
