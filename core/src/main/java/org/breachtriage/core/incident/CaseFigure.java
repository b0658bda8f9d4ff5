package org.breachtriage.core.incident;

import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.SubjectType;

/**
 * What one person adds to one manifest's own case: one person, matched or not (staff), or outside the
 * workforce, in the band that manifest alone gives.
 *
 * @param subjectType null is read as STAFF (records written before non-staff subjects)
 */
public record CaseFigure(Band band, boolean matched, SubjectType subjectType) {

    /** {@link #contribution()}'s names, as an array (see {@link PersonFigure#counterNames}). */
    String[] counterNames() {
        return new String[] {Counters.PERSONS_TOTAL, PersonFigure.personCounter(matched, subjectType), Counters.band(band)};
    }

    public Map<String, Long> contribution() {
        return PersonFigure.onePerName(counterNames());
    }
}
