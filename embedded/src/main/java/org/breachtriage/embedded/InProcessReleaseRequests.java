package org.breachtriage.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.release.ReleaseRequest;

/**
 * {@link ReleaseRequests} for one machine: scorer threads leave requests here, and the local run
 * publishes them on its own thread once the batch queue has drained. Requests die with the process;
 * the next run's sweep of the incident publishes whatever a dead run left released.
 */
public final class InProcessReleaseRequests implements ReleaseRequests {
    private final LinkedBlockingQueue<ReleaseRequest> requested = new LinkedBlockingQueue<>();

    /** Keeps the request, or refuses a malformed one as the release queue's adapter does (see {@link ReleaseRequest#problem()}). */
    @Override
    public void request(ReleaseRequest request) {
        requested.add(request.requireWellFormed());
    }

    /** Every request made so far and not yet taken, in the order made. */
    public List<ReleaseRequest> drain() {
        List<ReleaseRequest> taken = new ArrayList<>();
        requested.drainTo(taken);
        return taken;
    }
}
