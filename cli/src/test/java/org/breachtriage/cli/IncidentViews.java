package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Comparing two reads of an incident's JSON view. */
final class IncidentViews {
    private IncidentViews() {
    }

    /**
     * The same incident, read twice: equal in everything but its Art. 33 hours left, which is the clock's. Read a
     * moment apart, the two can straddle the turn of an hour (a CI run did, at 03:00), so the later read may have
     * one hour less, and no other difference.
     */
    static void assertSameIncident(JsonNode earlier, JsonNode later, String message) {
        assertEquals(withoutHoursLeft(earlier), withoutHoursLeft(later), message);
        long before = earlier.path("art33").path("hoursLeft").asLong();
        long after = later.path("art33").path("hoursLeft").asLong();
        assertTrue(after == before || after == before - 1,
                message + ": the hours left, read later, are the same or one less: " + before + " then " + after);
    }

    private static JsonNode withoutHoursLeft(JsonNode incident) {
        ObjectNode copy = incident.deepCopy();
        if (copy.path("art33") instanceof ObjectNode art33) {
            art33.remove("hoursLeft");
        }
        return copy;
    }
}
