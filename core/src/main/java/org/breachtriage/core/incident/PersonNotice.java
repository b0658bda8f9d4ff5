package org.breachtriage.core.incident;

import java.time.Instant;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;

/**
 * One notice in a person's history: planned by a batch of a manifest, then published. Its id is
 * stable ({@code <incident>-notice-<pay number>-<kind>-<band>}), so a subscriber can de-duplicate
 * a re-publication after a crash.
 */
public record PersonNotice(String noticeId, NoticeKind kind, Band band, ContactChannel channel, String templateId,
                           String caseId, long batchNo, Instant plannedAt, NoticeState state, Instant publishedAt) {

    public static String idFor(String incidentId, String payNumber, NoticeKind kind, Band band) {
        return incidentId + "-notice-" + payNumber + "-" + kind.wireName() + "-" + band.name();
    }

    public boolean published() {
        return state == NoticeState.PUBLISHED;
    }

    public boolean plannedBy(String caseId, long batchNo) {
        return this.caseId.equals(caseId) && this.batchNo == batchNo;
    }

    public PersonNotice publishedAt(Instant at) {
        return new PersonNotice(noticeId, kind, band, channel, templateId, caseId, batchNo, plannedAt,
                NoticeState.PUBLISHED, at);
    }
}
