package org.breachtriage.embedded;

import java.util.List;
import org.breachtriage.core.ports.ReportRequests;
import org.breachtriage.core.ports.contract.ReportRequestsContract;

/** The report-request contract on the in-process adapter; the consumer side is {@link InProcessReportRequests#drain}. */
class InProcessReportRequestsContractTest extends ReportRequestsContract {
    private InProcessReportRequests requests;

    @Override
    protected ReportRequests newRequests() {
        requests = new InProcessReportRequests();
        return requests;
    }

    @Override
    protected List<String> receive(int expected) {
        return requests.drain();
    }
}
