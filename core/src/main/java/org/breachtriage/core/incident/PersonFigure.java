package org.breachtriage.core.incident;

import java.util.HashMap;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;

/**
 * What one person adds to the incident's figures: one person, matched or not, in one band and staff
 * type (or, outside the workforce, one subject type), with these categories exposed. A change from one figure to another moves the counters by the
 * difference, so however many manifests and batches touch a person, the incident counts them once.
 */
public record PersonFigure(Band band, boolean matched, StaffType staffType, int categories, SubjectType subjectType) {

    /** The counters this figure contributes (names as on a case; {@link IncidentFigures} sums them). */
    public Map<String, Long> contribution() {
        Map<String, Long> counts = new HashMap<>();
        counts.put(Counters.PERSONS_TOTAL, 1L);
        counts.put(personCounter(matched, subjectType), 1L);
        counts.put(Counters.band(band), 1L);
        // The staff-type breakdown is the workforce's (the Federation reads it); others count by subject type.
        counts.put(subjectType == null || subjectType.staff() ? Counters.staffTypeBand(staffType, band)
                : Counters.subjectTypeBand(subjectType, band), 1L);
        for (DataCategory category : Categories.ofMask(categories)) {
            counts.put(Counters.category(category), 1L);
        }
        return counts;
    }

    /** Matched or unmatched for staff (null: records written before non-staff subjects), else non-staff. */
    static String personCounter(boolean matched, SubjectType subjectType) {
        if (subjectType != null && !subjectType.staff()) {
            return Counters.PERSONS_NON_STAFF;
        }
        return matched ? Counters.PERSONS_MATCHED : Counters.PERSONS_UNMATCHED;
    }

    /** after − before, leaving out what does not move; {@code before} null for a person new here. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, n) -> delta.merge(name, n, Long::sum));
        if (before != null) {
            before.forEach((name, n) -> delta.merge(name, -n, Long::sum));
        }
        delta.values().removeIf(n -> n == 0);
        return delta;
    }
}
