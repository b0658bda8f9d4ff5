package org.breachtriage.core.incident;

import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;

/** What one person adds to one manifest's own case: one person, matched or not, in the band that manifest alone gives. */
public record CaseFigure(Band band, boolean matched) {

    public Map<String, Long> contribution() {
        Map<String, Long> counts = new HashMap<>();
        counts.put(Counters.PERSONS_TOTAL, 1L);
        counts.put(matched ? Counters.PERSONS_MATCHED : Counters.PERSONS_UNMATCHED, 1L);
        counts.put(Counters.band(band), 1L);
        return counts;
    }
}
