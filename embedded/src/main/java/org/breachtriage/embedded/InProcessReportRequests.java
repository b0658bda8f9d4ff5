package org.breachtriage.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.ports.ReportRequests;

/**
 * {@link ReportRequests} for one machine: requests wait here (scorer threads make them) until the
 * local pipeline, once its queue has drained, takes them and writes the reports on its own thread.
 * Requests die with the process, as the in-process batch queue does; a re-run finds the case waiting
 * in SCORED and asks again (see {@link org.breachtriage.core.pipeline.CaseLifecycle#foundAlreadyIngested}).
 */
public final class InProcessReportRequests implements ReportRequests {
    private final LinkedBlockingQueue<String> requested = new LinkedBlockingQueue<>();

    @Override
    public void request(String caseId) {
        if (!CaseIds.looksValid(caseId)) {
            throw new IllegalArgumentException("a report request needs a case id shaped like BT-<16 hex digits>");
        }
        requested.add(caseId);
    }

    /** Every request made so far and not yet taken, in the order made (a case asked for twice appears twice). */
    public List<String> drain() {
        List<String> taken = new ArrayList<>();
        requested.drainTo(taken);
        return taken;
    }
}
