package org.breachtriage.core.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breachtriage.core.ports.ReportRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportRequests} must do: deliver each request, carrying its case id, to the
 * consumer that writes reports, at least once; keep a repeated request (the lifecycle asks again on
 * purpose after a re-delivery); and refuse what is not a case id before anything is sent.
 */
public abstract class ReportRequestsContract {

    protected abstract ReportRequests newRequests() throws Exception;

    /** Takes what the consumer side has received, waiting a few seconds for at least {@code expected}. */
    protected abstract List<String> receive(int expected) throws Exception;

    private ReportRequests requests;

    @BeforeEach
    void setUpRequests() throws Exception {
        requests = newRequests();
        receive(0); // nothing left over from another test
    }

    @Test
    void aRequestReachesTheConsumerWithItsCaseId() throws Exception {
        requests.request("BT-00000000000000c1");

        assertEquals(List.of("BT-00000000000000c1"), receive(1));
    }

    @Test
    void requestsForSeveralCasesAllArrive() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(String.format("BT-%016x", 0xc200 + i));
        }
        ids.forEach(requests::request);

        assertEquals(new HashSet<>(ids), new HashSet<>(receive(ids.size())));
    }

    @Test
    void aRepeatedRequestIsDeliveredAgainNotDroppedAsADuplicate() throws Exception {
        requests.request("BT-00000000000000c3");
        requests.request("BT-00000000000000c3");

        assertEquals(List.of("BT-00000000000000c3", "BT-00000000000000c3"), receive(2));
    }

    @Test
    void somethingThatIsNotACaseIdIsRefusedAndNothingIsSent() throws Exception {
        for (String bad : new String[] {null, "", "IN-0000000000000000", "BT-XYZ", "BT-00000000000000c4\n"}) {
            assertThrows(IllegalArgumentException.class, () -> requests.request(bad), String.valueOf(bad));
        }

        assertEquals(Set.of(), new HashSet<>(receive(0)));
    }
}
