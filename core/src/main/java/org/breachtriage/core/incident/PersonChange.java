package org.breachtriage.core.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.breachtriage.core.cases.Counters;

/**
 * One change a batch made to a person, kept on the person's record: which batch of which manifest,
 * and the person's figure before and after, for the incident and for that manifest's own case.
 *
 * <p>Why it is kept: a batch's counts reach its case in one conditional update that happens once
 * per batch number, after the people are written. If the batch dies in between, its retry finds its
 * own change here and counts exactly what it changed then, even when another manifest has changed
 * the person since. Summed over all changes, in the order the compare-and-set writes put them, the
 * deltas telescope to the final figures, so the incident counts every person exactly once.
 *
 * @param before     the person's incident figure before, or null if the batch added the person
 * @param caseBefore the person's figure in this manifest before, or null if this manifest had not named them
 */
public record PersonChange(String caseId, long batchNo, PersonFigure before, PersonFigure after,
                           CaseFigure caseBefore, CaseFigure caseAfter) {

    /** The counters of a person not counted yet: none. */
    private static final String[] NOBODY = {};

    public boolean madeBy(String caseId, long batchNo) {
        return this.caseId.equals(caseId) && this.batchNo == batchNo;
    }

    /**
     * The counter deltas this change adds to its case: the case's own, and, under
     * {@link Counters#incident}, the incident's; {@code plannedHere} are the notices it planned and
     * {@code withdrawnHere} the lower ones those replaced, which leave the incident's notice figures.
     */
    public Map<String, Long> counterDeltas(List<PersonNotice> plannedHere, List<PersonNotice> withdrawnHere) {
        Map<String, Long> deltas = new HashMap<>();
        addCounterDeltas(plannedHere, withdrawnHere, deltas);
        return deltas;
    }

    /**
     * Adds {@link #counterDeltas} to {@code deltas} (summing with what is there), without a map of its own: a
     * batch sums the deltas of every person it changes, and a map per person was most of that sum's cost.
     */
    public void addCounterDeltas(List<PersonNotice> plannedHere, List<PersonNotice> withdrawnHere,
                                 Map<String, Long> deltas) {
        PersonFigure.addDelta(caseBefore == null ? NOBODY : caseBefore.counterNames(), caseAfter.counterNames(), deltas,
                UnaryOperator.identity());
        PersonFigure.addDelta(before == null ? NOBODY : before.counterNames(), after.counterNames(), deltas,
                Counters::incident);
        for (PersonNotice notice : plannedHere) {
            deltas.merge(Counters.NOTICES_PLANNED, 1L, Long::sum);
            deltas.merge(Counters.incident(Counters.notices(notice.kind().wireName())), 1L, Long::sum);
        }
        for (PersonNotice notice : withdrawnHere) {
            deltas.merge(Counters.incident(Counters.notices(notice.kind().wireName())), -1L, Long::sum);
        }
    }
}
