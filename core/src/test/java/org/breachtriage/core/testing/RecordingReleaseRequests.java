package org.breachtriage.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.release.ReleaseRequest;

/** A {@link ReleaseRequests} that remembers every request, in order (duplicates included). */
public final class RecordingReleaseRequests implements ReleaseRequests {
    private final List<ReleaseRequest> requested = new ArrayList<>();

    @Override
    public synchronized void request(ReleaseRequest request) {
        requested.add(request);
    }

    public synchronized List<ReleaseRequest> requested() {
        return List.copyOf(requested);
    }

    /** The requests made so far, taken off the list. */
    public synchronized List<ReleaseRequest> take() {
        List<ReleaseRequest> taken = List.copyOf(requested);
        requested.clear();
        return taken;
    }
}
