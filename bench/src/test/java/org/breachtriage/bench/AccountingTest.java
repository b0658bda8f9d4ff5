package org.breachtriage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.pipeline.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks the bench reports must catch a run whose books do not balance. */
class AccountingTest {
    private static final Expected EXPECTED = new Expected(100, 98, 2, 60, 55, 5);
    private static final ParseOnly.Counts PARSED = new ParseOnly.Counts(100, 98, 2);

    @Test
    void aBalancedRunPassesEveryCheck() {
        List<Accounting.Check> checks = Accounting.check(outcome(summary(100, 98, 2, 60, 55, 5, 60), 60, 2, 30),
                EXPECTED, PARSED, List.of(summary(100, 98, 2, 60, 55, 5, 60)));
        assertTrue(checks.stream().allMatch(Accounting.Check::ok), checks.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a row lost between read and accepted/rejected, 100, 97, 2, 60, 55, 5, 60, 60, 2",
        "a person neither matched nor unmatched,       100, 98, 2, 60, 54, 5, 60, 60, 2",
        "bands that do not add up to the persons,      100, 98, 2, 60, 55, 5, 59, 60, 2",
        "a person result missing from the store,       100, 98, 2, 60, 55, 5, 60, 59, 2",
        "a reject missing from the store,              100, 98, 2, 60, 55, 5, 60, 60, 1",
    })
    void anUnbalancedRunFailsACheck(String what, long read, long accepted, long rejected, long persons, long matched,
                                    long unmatched, long banded, long resultsStored, long rejectsStored) {
        RunSummary summary = summary(read, accepted, rejected, persons, matched, unmatched, banded);
        List<Accounting.Check> checks = Accounting.check(outcome(summary, resultsStored, rejectsStored, 30), EXPECTED,
                PARSED, List.of());
        assertFalse(checks.stream().allMatch(Accounting.Check::ok), what);
    }

    @Test
    void aNoticeMissingFromTheTopicFailsACheck() {
        List<Accounting.Check> checks = Accounting.check(outcome(summary(100, 98, 2, 60, 55, 5, 60), 60, 2, 29),
                EXPECTED, PARSED, List.of());
        assertEquals(List.of("notices on the topic = notices.published + the general communication"), checks.stream()
                .filter(c -> !c.ok()).map(Accounting.Check::name).toList());
    }

    @Test
    void aStateDirThatNeededASecondReadIsReported() {
        FullRun.Outcome outcome = new FullRun.Outcome(summary(100, 98, 2, 60, 55, 5, 60), false, 60, 2, 30,
                new FullRun.StateSize(1, 1, 0, 0), List.of("MVStoreException: Chunk 7 not found"));
        List<Accounting.Check> failed = Accounting.check(outcome, EXPECTED, PARSED, List.of()).stream()
                .filter(check -> !check.ok()).toList();
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.getFirst().name().contains("Chunk 7 not found"), failed.getFirst().name());
    }

    @ParameterizedTest
    @CsvSource({"'1,2,3', 2", "'4,1,3,2', 2.5", "'7', 7"})
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo(String values, double median) {
        List<Double> numbers = java.util.Arrays.stream(values.split(",")).map(Double::valueOf).toList();
        assertEquals(median, Stats.median(numbers));
    }

    private static FullRun.Outcome outcome(RunSummary summary, long resultsStored, long rejectsStored, long notices) {
        return new FullRun.Outcome(summary, false, resultsStored, rejectsStored, notices,
                new FullRun.StateSize(1, 1, 0, 0), List.of());
    }

    /** All persons in LOW except {@code banded - persons} moved out of the books. */
    private static RunSummary summary(long read, long accepted, long rejected, long persons, long matched,
                                      long unmatched, long banded) {
        Map<String, Long> bands = new LinkedHashMap<>();
        bands.put("LOW", banded);
        bands.put("MEDIUM", 0L);
        bands.put("HIGH", 0L);
        bands.put("VERY_HIGH", 0L);
        return new RunSummary("BT-1", "IN-1", "REPORTED", null, "m.csv", "s", "r", "p",
                new RunSummary.Rows(read, accepted, rejected), new RunSummary.Persons(persons, matched, unmatched),
                bands, new RunSummary.Notices(40, 29, 0, 8, 1, 2, 29), new RunSummary.Art33(true, Instant.EPOCH, "because"));
    }
}
