package org.breachtriage.core.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.api.Test;

/** Counter names are made once ({@link Counters}), and are the names the stores and reports have always used. */
class CounterNamesTest {
    @Test
    void namesAreTheirSpellingsAndTheSameStringEachTime() {
        for (Band band : Band.values()) {
            assertEquals("band." + band.name(), Counters.band(band));
            assertSame(Counters.band(band), Counters.band(band));
            assertEquals("staffType.UNKNOWN." + band.name(), Counters.staffTypeBand(null, band));
            for (StaffType type : StaffType.values()) {
                assertEquals("staffType." + type.name() + "." + band.name(), Counters.staffTypeBand(type, band));
            }
            for (SubjectType type : SubjectType.values()) {
                assertEquals("subjectType." + type.name() + "." + band.name(), Counters.subjectTypeBand(type, band));
            }
        }
        for (DataCategory category : DataCategory.values()) {
            assertEquals("category." + category.name(), Counters.category(category));
        }
        assertEquals("incident.band.HIGH", Counters.incident(Counters.band(Band.HIGH)));
        assertSame(Counters.incident("persons.total"), Counters.incident(new String("persons.total")));
        assertEquals("notices.initial", Counters.notices("initial"));
        assertEquals("incident.null", Counters.incident(null), "as the concatenation said before");
    }

    @Test
    void namesPastWhatIsKeptAreStillRight() {
        for (int i = 0; i < 10_000; i++) {
            assertEquals("incident.x" + i, Counters.incident("x" + i));
        }
    }
}
