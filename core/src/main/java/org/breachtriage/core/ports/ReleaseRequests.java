package org.breachtriage.core.ports;

import org.breachtriage.core.release.ReleaseRequest;

/**
 * Asks for released notices to be published: a message on the release queue on AWS, a request kept
 * in process locally. Scoring asks after it has written the people whose notices it released, so a
 * request may arrive more than once (a retried batch asks again); publishing is claimed per person,
 * so a repeat publishes nothing twice.
 */
public interface ReleaseRequests {

    /** Sends the request or throws, so the caller's event is retried. */
    void request(ReleaseRequest request);
}
