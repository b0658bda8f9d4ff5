package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.release.ReleaseRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReleaseRequests} must do: deliver each request to the consumer that publishes
 * released notices, at least once, exactly as made (a batch's incident, case, number and people, or a
 * whole incident); deliver a repeated request again (a retried batch asks again on purpose, and
 * publishing is claimed per person); and refuse a malformed request before anything is sent, with a
 * reason that quotes no pay number.
 */
public abstract class ReleaseRequestsContract {

    protected static final String INCIDENT = "IN-00000000000000a1";
    protected static final String CASE = "BT-00000000000000a1";

    protected abstract ReleaseRequests newRequests() throws Exception;

    /** Takes what the consumer side has received, waiting a few seconds for at least {@code expected}. */
    protected abstract List<ReleaseRequest> receive(int expected) throws Exception;

    private ReleaseRequests requests;

    @BeforeEach
    void setUpRequests() throws Exception {
        requests = newRequests();
        receive(0); // nothing left over from another test
    }

    @Test
    void aBatchsRequestArrivesWithItsIncidentCaseNumberAndPeopleInOrder() throws Exception {
        ReleaseRequest request = ReleaseRequest.forBatch(INCIDENT, CASE, 7, List.of("MP000123", "MP000007", "X-1"));

        requests.request(request);

        assertEquals(List.of(request), receive(1));
    }

    @Test
    void aWholeIncidentsRequestArrivesAsOneNamingNoBatch() throws Exception {
        requests.request(ReleaseRequest.forIncident(INCIDENT));

        List<ReleaseRequest> received = receive(1);
        assertEquals(List.of(ReleaseRequest.forIncident(INCIDENT)), received);
        assertEquals(true, received.getFirst().wholeIncident());
    }

    @Test
    void requestsOfManyBatchesAllArrive() throws Exception {
        List<ReleaseRequest> made = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            made.add(ReleaseRequest.forBatch(INCIDENT, CASE, batch, List.of(String.format("MP%06d", batch))));
        }
        made.forEach(requests::request);

        assertEquals(new HashSet<>(made), new HashSet<>(receive(made.size())));
    }

    @Test
    void aRepeatedRequestIsDeliveredAgainNotDroppedAsADuplicate() throws Exception {
        ReleaseRequest request = ReleaseRequest.forBatch(INCIDENT, CASE, 3, List.of("MP000003"));
        requests.request(request);
        requests.request(request);

        assertEquals(List.of(request, request), receive(2));
    }

    @Test
    void aMalformedRequestIsRefusedWithAReasonQuotingNoPayNumberAndNothingIsSent() throws Exception {
        List<ReleaseRequest> malformed = List.of(
                ReleaseRequest.forIncident(null),
                ReleaseRequest.forIncident("IN-XYZ"),
                ReleaseRequest.forIncident(CASE),
                ReleaseRequest.forBatch(INCIDENT, "BT-XYZ", 0, List.of("MP000001")),
                ReleaseRequest.forBatch(INCIDENT, CASE, -1, List.of("MP000001")),
                ReleaseRequest.forBatch(INCIDENT, CASE, 0, List.of()),
                ReleaseRequest.forBatch(INCIDENT, CASE, 0, List.of("MP000001", "MP 00#2SECRET")),
                new ReleaseRequest(INCIDENT, CASE, null, List.of("MP000001")),
                new ReleaseRequest(INCIDENT, null, 4L, List.of()),
                new ReleaseRequest(INCIDENT, null, null, List.of("MP000001")));
        for (ReleaseRequest bad : malformed) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> requests.request(bad),
                    String.valueOf(bad));
            for (String personal : Arrays.asList("MP000001", "MP 00#2SECRET", "SECRET")) {
                assertFalse(refused.getMessage().contains(personal), "the reason quotes a pay number: " + refused.getMessage());
            }
        }

        assertEquals(List.of(), receive(0));
    }
}
