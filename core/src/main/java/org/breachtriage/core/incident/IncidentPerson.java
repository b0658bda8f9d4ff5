package org.breachtriage.core.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.scoring.Assessment;

/**
 * One person in one incident, whatever number of manifests and rows name them: the single record
 * their notices, figures and explanation come from.
 *
 * <p>It holds the union of what was exposed across the manifests that named them, the assessment of
 * that union (rescored as it grows; its band never goes down on its own: a lower rescoring is kept out
 * and noted for review), each manifest's own exposure, the notices planned and published for them
 * (the outbox: a notice is planned in the same atomic write as the state that calls for it), and the
 * changes applied, one per batch, so that counting stays exact across retries.
 *
 * <p>Writes are whole-record compare-and-sets on {@code version}; publishing a notice bumps the
 * version too, so a writer holding an older copy re-reads instead of overwriting the mark.
 *
 * @param manifests   in the order the manifests first named the person
 * @param reviewNotes things a person should look at, in plain words (e.g. a later manifest that would
 *                    lower the band)
 * @param hold        a person's decision to keep their notices back, or null
 */
public record IncidentPerson(
        String incidentId,
        String payNumber,
        boolean matched,
        StaffType staffType,
        String force,
        Set<DataCategory> exposed,
        Assessment assessment,
        List<ManifestExposure> manifests,
        List<PersonNotice> notices,
        List<PersonChange> changes,
        List<String> reviewNotes,
        Hold hold,
        int version) {

    public IncidentPerson {
        exposed = Categories.immutable(exposed);
        manifests = List.copyOf(manifests);
        notices = notices == null ? List.of() : List.copyOf(notices);
        changes = changes == null ? List.of() : List.copyOf(changes);
        reviewNotes = reviewNotes == null ? List.of() : List.copyOf(reviewNotes);
    }

    public Band band() {
        return assessment.band();
    }

    public PersonFigure figure() {
        return new PersonFigure(band(), matched, staffType, Categories.mask(exposed), subjectType());
    }

    /** Whose data this is: STAFF for a pay number, else the type its key names ({@link PersonKeys}). */
    public SubjectType subjectType() {
        return PersonKeys.subjectType(payNumber);
    }

    // The lookups below are loops, not streams: a run asks them of every person it folds or releases, and the
    // lists hold one to four entries, where a stream's set-up cost more than the search.
    public Optional<ManifestExposure> manifest(String caseId) {
        for (ManifestExposure m : manifests) {
            if (m.caseId().equals(caseId)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Optional<PersonChange> change(String caseId, long batchNo) {
        for (PersonChange c : changes) {
            if (c.madeBy(caseId, batchNo)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<PersonNotice> noticesPlannedBy(String caseId, long batchNo) {
        return noticesWhere(n -> n.plannedBy(caseId, batchNo));
    }

    /** The notices that pass, in order: a list only when one does (most people's lists are short, most asks empty). */
    private List<PersonNotice> noticesWhere(Predicate<PersonNotice> test) {
        List<PersonNotice> found = null;
        for (PersonNotice n : notices) {
            if (test.test(n)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(n);
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    public Optional<PersonNotice> notice(String noticeId) {
        return notices.stream().filter(n -> n.noticeId().equals(noticeId)).findFirst();
    }

    /** The highest band of a notice planned and not withdrawn, or null if the person has never been due one. */
    public Band toldBand() {
        Band told = null;
        for (PersonNotice notice : notices) {
            if (notice.live() && (told == null || notice.band().compareTo(told) > 0)) {
                told = notice.band();
            }
        }
        return told;
    }

    public boolean held() {
        return hold != null;
    }

    /** The notices withdrawn because a notice this batch planned replaced them. */
    public List<PersonNotice> noticesWithdrawnBy(String caseId, long batchNo) {
        return noticesWithdrawnFor(noticesPlannedBy(caseId, batchNo));
    }

    /** The notices withdrawn because one of {@code plannedHere} (this record's own) replaced them. */
    public List<PersonNotice> noticesWithdrawnFor(List<PersonNotice> plannedHere) {
        if (plannedHere.isEmpty()) {
            return List.of();
        }
        return noticesWhere(n -> n.withdrawn() && replacedByOneOf(n, plannedHere));
    }

    private static boolean replacedByOneOf(PersonNotice withdrawn, List<PersonNotice> plannedHere) {
        for (PersonNotice planned : plannedHere) {
            if (planned.noticeId().equals(withdrawn.withdrawnBy())) {
                return true;
            }
        }
        return false;
    }

    /** Named only by manifests that were superseded since: no longer listed, for a person to review. */
    public boolean noLongerListed(Set<String> supersededCaseIds) {
        return !manifests.isEmpty() && manifests.stream().allMatch(m -> supersededCaseIds.contains(m.caseId()));
    }

    /** This record with one notice marked published, and the next version (what the stores write). */
    public IncidentPerson withPublished(String noticeId, Instant at) {
        return withNotices(notices.stream()
                .map(n -> n.noticeId().equals(noticeId) && !n.published() ? n.publishedAt(at) : n).toList(), hold);
    }

    /** This record with the approval added to one waiting notice (released if that meets its rule). */
    public IncidentPerson withApproval(String noticeId, NoticeApproval approval) {
        if (held()) {
            return this;
        }
        return withNotices(notices.stream().map(n -> n.noticeId().equals(noticeId) ? n.withApproval(approval) : n)
                .toList(), hold);
    }

    /** This record with its released notices claimed by one publisher ({@code token}), in one write. */
    public IncidentPerson withClaims(String token, Instant at) {
        return withNotices(notices.stream().map(n -> n.claimable(at) ? n.claimed(token, at) : n).toList(), hold);
    }

    /**
     * This record with every claim on an unpublished notice dropped, or itself if it has none: for a
     * store that knows the publishers holding them are dead (a local state directory reopened after a
     * crash; only one process can hold it). The notices are claimable again at once instead of after
     * {@link PersonNotice#CLAIM_LEASE}, and the topic's de-duplication by notice id absorbs a re-send.
     */
    public IncidentPerson withDeadClaimsDropped() {
        if (notices.stream().noneMatch(PersonNotice::claimedUnpublished)) {
            return this;
        }
        return withNotices(notices.stream().map(n -> n.claimedUnpublished() ? n.unclaimed() : n).toList(), hold);
    }

    /**
     * This record with one publisher's claims on unpublished notices dropped, or itself if it holds none: for
     * a publisher that failed after claiming (a letter it could not write), so that the notices are claimable
     * again at once rather than after {@link PersonNotice#CLAIM_LEASE}.
     */
    public IncidentPerson withClaimsDropped(String token) {
        if (notices.stream().noneMatch(n -> n.claimedUnpublished() && token.equals(n.claimedBy()))) {
            return this;
        }
        return withNotices(notices.stream().map(n -> n.claimedUnpublished() && token.equals(n.claimedBy())
                ? n.unclaimed() : n).toList(), hold);
    }

    /** The notices this publisher holds the claim of. */
    public List<PersonNotice> claimedBy(String token) {
        return noticesWhere(n -> n.released() && token.equals(n.claimedBy()));
    }

    /** A notice is released and free for a publisher to take. (A loop: the release asks it of every person.) */
    public boolean hasClaimable(Instant now) {
        for (PersonNotice n : notices) {
            if (n.claimable(now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This record held: released notices nobody has claimed yet go back to waiting, with their
     * approvals dropped, so after an unhold they need a fresh release. One already claimed is on its
     * way out and cannot be stopped.
     */
    public IncidentPerson withHold(Hold newHold, Instant now) {
        return withNotices(notices.stream().map(n -> n.released() && !n.inFlight(now) ? n.backToWaiting() : n)
                .toList(), newHold);
    }

    /** This record no longer held: notices whose rule needs no approver are released at once. */
    public IncidentPerson withoutHold(Instant now) {
        return withNotices(notices.stream().map(n -> n.awaitingRelease() && n.approvalsNeeded() == 0
                ? n.releasedAt(now) : n).toList(), null);
    }

    private IncidentPerson withNotices(List<PersonNotice> changed, Hold newHold) {
        return new IncidentPerson(incidentId, payNumber, matched, staffType, force, exposed, assessment, manifests,
                changed, changes, reviewNotes, newHold, version + 1);
    }
}
