package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.api.Test;

/**
 * A change's counter deltas, computed from the figures' counter names ({@link PersonFigure#addDelta}), are what
 * the difference of the two figures' contribution maps says, for any pair of figures: the arithmetic they were
 * computed with before, kept here as the reference (the names themselves are {@code CounterNamesTest}'s).
 */
class PersonChangeDeltasTest {
    private static final Band[] BANDS = Band.values();
    private static final StaffType[] STAFF_TYPES = StaffType.values();
    private static final SubjectType[] SUBJECT_TYPES = SubjectType.values();

    @Test
    void deltasAreTheDifferenceOfTheContributionsForRandomFigures() {
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            SubjectType subjectType = random.nextInt(5) == 0 ? null : SUBJECT_TYPES[random.nextInt(SUBJECT_TYPES.length)];
            PersonFigure before = random.nextInt(4) == 0 ? null : figure(random, subjectType);
            PersonFigure after = random.nextInt(3) == 0 && before != null ? before : figure(random, subjectType);
            CaseFigure caseBefore = random.nextInt(3) == 0 ? null : caseFigure(random, subjectType);
            CaseFigure caseAfter = random.nextInt(3) == 0 && caseBefore != null ? caseBefore : caseFigure(random, subjectType);
            PersonChange change = new PersonChange("BT-1", i, before, after, caseBefore, caseAfter);
            assertEquals(reference(change), change.counterDeltas(List.of(), List.of()), change.toString());
        }
    }

    private static PersonFigure figure(Random random, SubjectType subjectType) {
        return new PersonFigure(BANDS[random.nextInt(BANDS.length)], random.nextBoolean(),
                random.nextInt(4) == 0 ? null : STAFF_TYPES[random.nextInt(STAFF_TYPES.length)],
                random.nextInt(1 << DataCategory.values().length), subjectType);
    }

    private static CaseFigure caseFigure(Random random, SubjectType subjectType) {
        return new CaseFigure(BANDS[random.nextInt(BANDS.length)], random.nextBoolean(), subjectType);
    }

    /** The counter deltas as computed before: each figure's contribution map, and their difference. */
    private static Map<String, Long> reference(PersonChange change) {
        Map<String, Long> deltas = new HashMap<>(difference(
                change.caseBefore() == null ? null : change.caseBefore().contribution(), change.caseAfter().contribution()));
        difference(change.before() == null ? null : change.before().contribution(), change.after().contribution())
                .forEach((name, n) -> deltas.put(Counters.incident(name), n));
        return deltas;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, n) -> delta.merge(name, n, Long::sum));
        if (before != null) {
            before.forEach((name, n) -> delta.merge(name, -n, Long::sum));
        }
        delta.values().removeIf(n -> n == 0);
        return delta;
    }
}
