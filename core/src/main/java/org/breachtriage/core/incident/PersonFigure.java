package org.breachtriage.core.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
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
        return onePerName(counterNames());
    }

    /**
     * The counters this figure adds one to, each once: {@link #contribution()}'s names, as an array. A change's
     * deltas are computed from these, since a map per figure was most of what counting a change cost.
     */
    String[] counterNames() {
        String[] names = new String[4 + Integer.bitCount(categories)];
        names[0] = Counters.PERSONS_TOTAL;
        names[1] = personCounter(matched, subjectType);
        names[2] = Counters.band(band);
        // The staff-type breakdown is the workforce's (the Federation reads it); others count by subject type.
        names[3] = subjectType == null || subjectType.staff() ? Counters.staffTypeBand(staffType, band)
                : Counters.subjectTypeBand(subjectType, band);
        int i = 4;
        for (DataCategory category : Categories.ofMask(categories)) {
            names[i++] = Counters.category(category);
        }
        return names;
    }

    /** A contribution: one for each counter named. */
    static Map<String, Long> onePerName(String[] names) {
        Map<String, Long> counts = HashMap.newHashMap(names.length);
        for (String name : names) {
            counts.put(name, 1L);
        }
        return counts;
    }

    /**
     * Adds after − before to {@code into}, each name through {@code name}: +1 for a counter only {@code after}
     * has, −1 for one only {@code before} has, nothing for one both have: the difference of the two
     * {@link #contribution()}s, without a zero. Each figure names a counter at most once.
     */
    static void addDelta(String[] before, String[] after, Map<String, Long> into, UnaryOperator<String> name) {
        for (String counter : after) {
            if (!holds(before, counter)) {
                into.merge(name.apply(counter), 1L, Long::sum);
            }
        }
        for (String counter : before) {
            if (!holds(after, counter)) {
                into.merge(name.apply(counter), -1L, Long::sum);
            }
        }
    }

    private static boolean holds(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Matched or unmatched for staff (null: records written before non-staff subjects), else non-staff. */
    static String personCounter(boolean matched, SubjectType subjectType) {
        if (subjectType != null && !subjectType.staff()) {
            return Counters.PERSONS_NON_STAFF;
        }
        return matched ? Counters.PERSONS_MATCHED : Counters.PERSONS_UNMATCHED;
    }
}
