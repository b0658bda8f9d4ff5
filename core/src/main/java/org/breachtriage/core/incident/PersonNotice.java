package org.breachtriage.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;

/**
 * One notice in a person's history: planned by a batch of a manifest, released by the approvals its
 * band's rule asks for (none for a band released automatically), claimed by one publisher, then
 * published with its letter. Its id is stable ({@code <incident>-notice-<pay number>-<kind>-<band>}),
 * so a subscriber can de-duplicate a re-publication after a crash.
 *
 * @param art34           true for an Art. 34 notice; false for an information notice below the threshold
 * @param approvalsNeeded distinct approvers the band's release rule asks for (0: released when planned)
 * @param approvals       the approvers who said yes, one per approver key
 * @param claimedBy       the publisher that claimed it once released (a token), or null
 * @param withdrawnBy     for a WITHDRAWN notice, the id of the notice that replaced it
 */
public record PersonNotice(String noticeId, NoticeKind kind, Band band, ContactChannel channel, String templateId,
                           boolean art34, String caseId, long batchNo, Instant plannedAt, NoticeState state,
                           int approvalsNeeded, List<NoticeApproval> approvals, Instant releasedAt, String claimedBy,
                           Instant claimedAt, Instant publishedAt, String withdrawnBy) {

    /**
     * How long a claim holds. Longer than a Lambda function can run (15 minutes), so a claim is only
     * taken over from a publisher that died, never from one still at work.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(20);

    public PersonNotice {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public static String idFor(String incidentId, String payNumber, NoticeKind kind, Band band) {
        return incidentId + "-notice-" + payNumber + "-" + kind.wireName() + "-" + band.name();
    }

    /** A new notice, waiting for its release, or released at once when its rule needs no approver. */
    public static PersonNotice planned(String noticeId, NoticeKind kind, Band band, ContactChannel channel,
                                       String templateId, boolean art34, String caseId, long batchNo, Instant at,
                                       int approvalsNeeded, boolean held) {
        boolean releasedNow = approvalsNeeded == 0 && !held;
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, at,
                releasedNow ? NoticeState.RELEASED : NoticeState.PLANNED, approvalsNeeded, List.of(),
                releasedNow ? at : null, null, null, null, null);
    }

    public boolean published() {
        return state == NoticeState.PUBLISHED;
    }

    public boolean awaitingRelease() {
        return state == NoticeState.PLANNED;
    }

    public boolean released() {
        return state == NoticeState.RELEASED;
    }

    public boolean withdrawn() {
        return state == NoticeState.WITHDRAWN;
    }

    /** Not withdrawn: published, or on its way. */
    public boolean live() {
        return state != NoticeState.WITHDRAWN;
    }

    public boolean plannedBy(String caseId, long batchNo) {
        return this.caseId.equals(caseId) && this.batchNo == batchNo;
    }

    public boolean approvedBy(String approverKey) {
        return approvals.stream().anyMatch(a -> a.approverKey().equals(approverKey));
    }

    /** Released and not held by a live claim: a publisher may take it. */
    public boolean claimable(Instant now) {
        return state == NoticeState.RELEASED && (claimedBy == null || !claimedAt.plus(CLAIM_LEASE).isAfter(now));
    }

    /** Released and claimed by a publisher still within its lease: on its way out, too late to stop. */
    public boolean inFlight(Instant now) {
        return state == NoticeState.RELEASED && claimedBy != null && claimedAt.plus(CLAIM_LEASE).isAfter(now);
    }

    /** This notice with the approval added (once per approver), released when that meets its rule. */
    public PersonNotice withApproval(NoticeApproval approval) {
        if (state != NoticeState.PLANNED || approvedBy(approval.approverKey())) {
            return this;
        }
        List<NoticeApproval> more = new ArrayList<>(approvals);
        more.add(approval);
        boolean met = more.size() >= approvalsNeeded;
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt,
                met ? NoticeState.RELEASED : NoticeState.PLANNED, approvalsNeeded, more, met ? approval.at() : null,
                null, null, null, null);
    }

    /** Released now: for a notice whose rule needs no approver, once nothing holds it back. */
    public PersonNotice releasedAt(Instant at) {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt,
                NoticeState.RELEASED, approvalsNeeded, approvals, at, null, null, null, null);
    }

    /** Back to waiting, its approvals dropped: a hold was placed before anyone claimed it. */
    public PersonNotice backToWaiting() {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt,
                NoticeState.PLANNED, approvalsNeeded, List.of(), null, null, null, null, null);
    }

    public PersonNotice claimed(String token, Instant at) {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt, state,
                approvalsNeeded, approvals, releasedAt, token, at, null, null);
    }

    /** Released and claimed, not yet published: a publisher took it and has not marked it sent. */
    public boolean claimedUnpublished() {
        return state == NoticeState.RELEASED && claimedBy != null;
    }

    /** Released and free again: its claimer is known to be dead. */
    public PersonNotice unclaimed() {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt, state,
                approvalsNeeded, approvals, releasedAt, null, null, null, null);
    }

    public PersonNotice publishedAt(Instant at) {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt,
                NoticeState.PUBLISHED, approvalsNeeded, approvals, releasedAt, claimedBy, claimedAt, at, null);
    }

    /** Never to be sent: {@code replacement} (for a higher band) took its place before it went out. */
    public PersonNotice withdrawnFor(String replacement) {
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt,
                NoticeState.WITHDRAWN, approvalsNeeded, approvals, releasedAt, null, null, null, replacement);
    }
}
