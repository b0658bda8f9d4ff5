package org.breachtriage.bench;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.pipeline.RunSummary;

/** The books a run must balance, checked against its own summary and against an independent count. */
final class Accounting {
    private Accounting() {
    }

    record Check(String name, long expected, long actual, boolean ok) {
        static Check of(String name, long expected, long actual) {
            return new Check(name, expected, actual, expected == actual);
        }
    }

    static List<Check> check(FullRun.Outcome outcome, Expected expected, ParseOnly.Counts parsed,
                             List<RunSummary> floors) {
        RunSummary s = outcome.summary();
        long banded = s.bands().values().stream().mapToLong(Long::longValue).sum();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("status is REPORTED (" + s.status() + ")", 1, s.status().equals("REPORTED") ? 1 : 0,
                s.status().equals("REPORTED")));
        checks.add(new Check("a fresh state dir: not an earlier case", 0, outcome.alreadyTriaged() ? 1 : 0,
                !outcome.alreadyTriaged()));
        // The invariants the issue promises, on the run's own counters.
        checks.add(Check.of("rows.read = rows.accepted + rows.rejected", s.rows().read(),
                s.rows().accepted() + s.rows().rejected()));
        checks.add(Check.of("persons.total = persons.matched + persons.unmatched", s.persons().total(),
                s.persons().matched() + s.persons().unmatched()));
        checks.add(Check.of("sum of bands = persons.total", s.persons().total(), banded));
        // The same figures against what the parse-only pass and an independent count found.
        checks.add(Check.of("rows.read = rows the parse-only pass read", parsed.rowsRead(), s.rows().read()));
        checks.add(Check.of("rows.accepted = independent count", expected.rowsAccepted(), s.rows().accepted()));
        checks.add(Check.of("rows.rejected = independent count", expected.rowsRejected(), s.rows().rejected()));
        checks.add(Check.of("persons.total = distinct accepted pay numbers", expected.persons(), s.persons().total()));
        checks.add(Check.of("persons.matched = of those, on the roster", expected.matched(), s.persons().matched()));
        checks.add(Check.of("persons.unmatched = of those, not on the roster", expected.unmatched(),
                s.persons().unmatched()));
        checks.add(new Check("state dir read back on the first attempt"
                + (outcome.readFailures().isEmpty() ? "" : " (" + outcome.readFailures().getFirst() + ")"),
                0, outcome.readFailures().size(), outcome.readFailures().isEmpty()));
        // Nothing silently dropped on the way to the store or the topic.
        checks.add(Check.of("person results stored = persons.total", s.persons().total(), outcome.resultsStored()));
        checks.add(Check.of("rejected rows stored = rows.rejected", s.rows().rejected(), outcome.rejectRowsStored()));
        // The notices topic carries the released notices and the incident's one general staff communication.
        checks.add(Check.of("notices on the topic = notices.published + the general communication",
                s.notices().published() + 1, outcome.noticeLines()));
        checks.add(Check.of("notices planned = published + releasing + awaiting + held + withdrawn",
                s.notices().planned(), s.notices().published() + s.notices().releasing()
                        + s.notices().awaitingRelease() + s.notices().held() + s.notices().withdrawn()));
        // The floor ran the same services on in-memory maps: its books must be identical.
        for (RunSummary floor : floors) {
            boolean same = floor.rows().equals(s.rows()) && floor.persons().equals(s.persons())
                    && floor.bands().equals(s.bands()) && floor.notices().equals(s.notices());
            checks.add(new Check("floor run (no storage) has the same rows, persons, bands and notices", 1,
                    same ? 1 : 0, same));
        }
        return checks;
    }
}
