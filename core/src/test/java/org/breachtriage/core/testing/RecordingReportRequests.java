package org.breachtriage.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.ports.ReportRequests;

/** A {@link ReportRequests} that remembers every request, in order (duplicates included). */
public final class RecordingReportRequests implements ReportRequests {
    private final List<String> requested = new ArrayList<>();

    @Override
    public synchronized void request(String caseId) {
        requested.add(caseId);
    }

    public synchronized List<String> requested() {
        return List.copyOf(requested);
    }

    public synchronized void clear() {
        requested.clear();
    }
}
