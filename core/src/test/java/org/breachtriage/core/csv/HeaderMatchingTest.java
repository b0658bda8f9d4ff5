package org.breachtriage.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderMatchingTest {

    enum Column implements ColumnSpec {
        PAY_NUMBER("pay_number", List.of("payNumber", "employee_id")),
        SURNAME("surname", List.of());

        private final String wireName;
        private final List<String> aliases;

        Column(String wireName, List<String> aliases) {
            this.wireName = wireName;
            this.aliases = aliases;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }
    }

    private final ColumnMatcher<Column> matcher = new ColumnMatcher<>(Column.class);

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "pay_number|PAY_NUMBER", "Pay Number|PAY_NUMBER", "PAY-NUMBER|PAY_NUMBER", "payNumber|PAY_NUMBER",
            "  pay_number  |PAY_NUMBER", "Employee ID|PAY_NUMBER", "employee-id|PAY_NUMBER", "SURNAME|SURNAME",
            "Sur Name|SURNAME"})
    void matchesSpellingsOfAColumn(String header, Column expected) {
        assertEquals(Optional.of(expected), matcher.match(header));
    }

    @ParameterizedTest
    @CsvSource({"pay", "number", "pay_numbers", "name"})
    void doesNotMatchOtherNames(String header) {
        assertEquals(Optional.empty(), matcher.match(header));
    }

    @Test
    void layoutFindsColumnsAndIgnoresUnknownOnes() {
        ColumnMatcher.HeaderLayout<Column> layout = matcher.layout(List.of("notes", "Surname", "payNumber"));
        assertEquals(2, layout.indexOf(Column.PAY_NUMBER));
        assertEquals(1, layout.indexOf(Column.SURNAME));
        assertEquals(EnumSet.noneOf(Column.class), layout.missing(EnumSet.allOf(Column.class)));
        assertEquals(EnumSet.of(Column.SURNAME), matcher.layout(List.of("pay_number")).missing(EnumSet.allOf(Column.class)));
    }

    @Test
    void twoCellsForOneColumnAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> matcher.layout(List.of("pay_number", "surname", "employee_id")));
        assertTrue(e.getMessage().contains("more than one pay_number column ('pay_number', 'employee_id')"), e.getMessage());
    }

    static Stream<Arguments> misExportedHeaders() {
        return Stream.of(
                Arguments.of(List.of("pay_number;surname;exposed_fields"), "';'"),
                Arguments.of(List.of("pay_number\tsurname\texposed_fields"), "tab"),
                Arguments.of(List.of("pay_number|surname|exposed_fields"), "'|'"),
                Arguments.of(List.of("a;b", "c|surname"), "'|'"));
    }

    @ParameterizedTest
    @MethodSource("misExportedHeaders")
    void guessesTheSeparatorOfAMisExportedHeader(List<String> header, String expected) {
        assertEquals(expected, HeaderNames.likelySeparator(header, cell -> matcher.match(cell).isPresent()));
    }

    @Test
    void noSeparatorGuessForAnOrdinaryHeader() {
        assertNull(HeaderNames.likelySeparator(List.of("pay", "name"), cell -> matcher.match(cell).isPresent()));
    }

    @Test
    void noSeparatorGuessForADataRowReadAsAHeader() {
        // A roster exported without its header: the ';' of a list cell is no sign of a ';'-separated file.
        assertNull(HeaderNames.likelySeparator(List.of("MP000001", "Nadia", "Hussain", "COVERT;PROTECTION"),
                cell -> matcher.match(cell).isPresent()));
    }
}
