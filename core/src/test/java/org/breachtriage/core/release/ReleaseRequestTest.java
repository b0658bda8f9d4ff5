package org.breachtriage.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.manifest.PayNumbers;
import org.junit.jupiter.api.Test;

/**
 * What a release request must hold before it is sent (the release queue's body), each refusal in its
 * own words, and that no refusal quotes a pay number: the reason may end up in a log.
 */
class ReleaseRequestTest {
    private static final String INCIDENT = "IN-00000000000000aa";
    private static final String CASE = "BT-00000000000000a1";

    @Test
    void aWellFormedRequestForABatchOrForAWholeIncidentHasNoProblem() {
        ReleaseRequest batch = ReleaseRequest.forBatch(INCIDENT, CASE, 0, List.of("MP000001", "mp-2"));
        assertNull(batch.problem());
        assertSame(batch, batch.requireWellFormed());
        assertFalse(batch.wholeIncident());
        ReleaseRequest incident = ReleaseRequest.forIncident(INCIDENT);
        assertNull(incident.problem());
        assertTrue(incident.wholeIncident());
        assertEquals(new ReleaseRequest(INCIDENT, null, null, List.of()), incident);
    }

    @Test
    void theIncidentIdMustBeShapedLikeOne() {
        String reason = "a release request needs an incident id shaped like IN-<16 hex digits>";
        assertEquals(reason, new ReleaseRequest(null, null, null, List.of()).problem());
        assertEquals(reason, ReleaseRequest.forIncident("IN-00000000000000AA").problem(), "lower-case hex only");
        assertEquals(reason, ReleaseRequest.forBatch("IN-1", CASE, 0, List.of("MP1")).problem());
    }

    @Test
    void aWholeIncidentRequestNamesNoBatchAndNoPayNumbers() {
        String reason = "a release request for a whole incident names no batch and no pay numbers";
        assertEquals(reason, new ReleaseRequest(INCIDENT, null, 3L, List.of()).problem());
        assertEquals(reason, new ReleaseRequest(INCIDENT, null, null, List.of("MP000001")).problem());
    }

    @Test
    void aBatchRequestNeedsItsCaseItsNumberAndAtLeastOnePayNumber() {
        assertEquals("a release request for a batch needs a case id shaped like BT-<16 hex digits>",
                ReleaseRequest.forBatch(INCIDENT, "BT-1", 0, List.of("MP1")).problem());
        String number = "a release request for a batch needs the batch's number (0 or more)";
        assertEquals(number, new ReleaseRequest(INCIDENT, CASE, null, List.of("MP1")).problem());
        assertEquals(number, ReleaseRequest.forBatch(INCIDENT, CASE, -1, List.of("MP1")).problem());
        assertNull(ReleaseRequest.forBatch(INCIDENT, CASE, 0, List.of("MP1")).problem(), "batch 0 is a batch");
        assertEquals("a release request for a batch names at least one pay number",
                ReleaseRequest.forBatch(INCIDENT, CASE, 4, List.of()).problem());
        assertEquals("a release request for a batch names at least one pay number",
                new ReleaseRequest(INCIDENT, CASE, 4L, null).problem(), "null is no pay numbers");
    }

    /** The bad pay number is placed by its position in the list, never quoted. */
    @Test
    void aBadPayNumberIsNamedByItsPlaceNotByItsValue() {
        ReleaseRequest request = ReleaseRequest.forBatch(INCIDENT, CASE, 2, List.of("MP000001", "MP000002", "Williams, J"));
        String problem = request.problem();
        String rule = PayNumbers.RULE + ", or a subject type, ':' and a subject_ref";
        assertEquals("pay number 3 of 3 in the release request is not one (" + rule + ")", problem);
        assertFalse(problem.contains("Williams"));
        assertEquals("pay number 1 of 2 in the release request is not one (" + rule + ")",
                ReleaseRequest.forBatch(INCIDENT, CASE, 2, List.of(" ", "MP000002")).problem());
        assertNull(ReleaseRequest.forBatch(INCIDENT, CASE, 2, List.of("MP000001", "VICTIM:NS-V-0001")).problem(),
                "a victim's key is a person of the batch too");
        assertEquals("pay number 1 of 1 in the release request is not one (" + rule + ")",
                ReleaseRequest.forBatch(INCIDENT, CASE, 2, List.of("STAFF:MP000001")).problem());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::requireWellFormed);
        assertEquals(problem, e.getMessage());
    }

    @Test
    void thePayNumbersAreACopyTheCallerCannotChange() {
        List<String> mine = new ArrayList<>(List.of("MP000001"));
        ReleaseRequest request = ReleaseRequest.forBatch(INCIDENT, CASE, 1, mine);
        mine.add("MP000002");
        assertEquals(List.of("MP000001"), request.payNumbers());
        assertThrows(UnsupportedOperationException.class, () -> request.payNumbers().add("MP000003"));
    }
}
