package org.breachtriage.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.model.DataCategory;

/** What a follow-up report says changed since the report before it, from the two sets of figures. */
final class ReportChanges {
    private ReportChanges() {
    }

    /** Categories with someone exposed now that had nobody exposed before, as the ICO draft labels them. */
    static List<String> categoriesNewlyExposed(ReportSubject subject) {
        Map<String, Long> before = subject.previous();
        List<String> newly = new ArrayList<>();
        for (DataCategory category : DataCategory.values()) {
            String counter = Counters.category(category);
            if (subject.counter(counter) > 0 && (before == null || before.getOrDefault(counter, 0L) == 0)) {
                newly.add(IcoArt33Drafts.label(category));
            }
        }
        return newly;
    }

    /** Manifests superseded since the report before (a count of files, not of people). */
    static long manifestsSupersededSince(ReportSubject subject) {
        Map<String, Long> before = subject.previous();
        long was = before == null ? 0 : before.getOrDefault(Counters.MANIFESTS_SUPERSEDED, 0L);
        return Math.max(0, subject.counter(Counters.MANIFESTS_SUPERSEDED) - was);
    }

    /** The change in one exact-only figure (on-call sees it; nobody else does). */
    static long delta(ReportSubject subject, String counter) {
        Map<String, Long> before = subject.previous();
        return subject.counter(counter) - (before == null ? 0 : before.getOrDefault(counter, 0L));
    }
}
