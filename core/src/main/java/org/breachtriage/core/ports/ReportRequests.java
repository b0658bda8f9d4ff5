package org.breachtriage.core.ports;

/**
 * Asks for a scored case's reports to be written: a message on the report queue on AWS, a request
 * kept in process locally. Only {@link org.breachtriage.core.pipeline.CaseLifecycle} asks, and only
 * after the case has moved to SCORED, so a request may arrive more than once (a re-delivered batch
 * asks again) but is never lost while the case waits in SCORED.
 */
public interface ReportRequests {

    /** Sends the request or throws, so the caller's event is retried. */
    void request(String caseId);
}
