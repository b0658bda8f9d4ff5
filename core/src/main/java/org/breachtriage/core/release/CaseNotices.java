package org.breachtriage.core.release;

import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.ports.PersonStore;

/**
 * Where the notices one manifest's batches planned stand now, read from the incident's people:
 * published, waiting for approvers, released and on their way, kept back by a hold, or withdrawn for
 * a notice of a higher band.
 */
public record CaseNotices(long published, long awaitingRelease, long releasing, long held, long withdrawn) {

    public static final CaseNotices NONE = new CaseNotices(0, 0, 0, 0, 0);

    /** One scan of the incident's people. */
    public static CaseNotices read(String incidentId, String caseId, PersonStore persons) {
        long[] counts = new long[5];
        persons.forEachAnyOrder(incidentId, p -> {
            for (PersonNotice n : p.notices()) {
                if (!n.caseId().equals(caseId)) {
                    continue;
                }
                if (n.published()) {
                    counts[0]++;
                } else if (n.withdrawn()) {
                    counts[4]++;
                } else if (p.held()) {
                    counts[3]++;
                } else if (n.released()) {
                    counts[2]++;
                } else {
                    counts[1]++;
                }
            }
        });
        return new CaseNotices(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
}
