package org.breachtriage.embedded;

import java.util.List;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.ports.contract.ReleaseRequestsContract;
import org.breachtriage.core.release.ReleaseRequest;

/** The release-request contract on the in-process adapter; the consumer side is {@link InProcessReleaseRequests#drain}. */
class InProcessReleaseRequestsContractTest extends ReleaseRequestsContract {
    private InProcessReleaseRequests requests;

    @Override
    protected ReleaseRequests newRequests() {
        requests = new InProcessReleaseRequests();
        return requests;
    }

    @Override
    protected List<ReleaseRequest> receive(int expected) {
        return requests.drain();
    }
}
