package org.breachtriage.core.release;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.Hold;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.incident.IncidentApproval;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.incident.NoticeApproval;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.PersonStore;

/**
 * Owns the release step: who approved which waiting notices, who is held, and handing what is
 * released to {@link NoticeDispatch}. Every change to a person is a compare-and-set on their record,
 * the same record scoring writes, so a release, a hold and a manifest being scored at the same moment
 * never undo each other.
 *
 * <p>An approval covers exactly the notices waiting when it is given: they are listed first, the
 * approval is recorded on the incident (and in its decision log) with how many it covers, then added
 * to each of them. A notice planned after that waits for approvals of its own.
 */
public final class ReleaseService implements ReleaseNotices {
    private static final int MAX_WRITE_ATTEMPTS = 16;

    private final IncidentService incidents;
    private final PersonStore persons;
    private final NoticeDispatch dispatch;
    private final Clock clock;

    public ReleaseService(IncidentService incidents, PersonStore persons, NoticeDispatch dispatch, Clock clock) {
        this.incidents = incidents;
        this.persons = persons;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** A notice waiting for approvers, as listed when an approval is given. */
    private record Waiting(String payNumber, String noticeId) {
    }

    @Override
    public Approved approve(Approve command) {
        IncidentRecord incident = incidents.require(command.incidentId());
        List<Waiting> waiting = waitingNow(incident, command);
        Approver approver = command.approver();
        Instant at = clock.instant();
        IncidentRecord recorded = incidents.update(incident.incidentId(), current -> current.withApproval(
                new IncidentApproval(current.nextApprovalId(), approver.key(), approver.name(), approver.identity(), at,
                        command.band(), command.reason(), waiting.size())));
        IncidentApproval approval = recorded.approvals().getLast();
        NoticeApproval yes = new NoticeApproval(approval.approvalId(), approver.key(), approver.name(),
                approver.identity(), at);
        int counted = 0;
        int released = 0;
        for (Waiting w : waiting) {
            Applied applied = applyApproval(incident.incidentId(), w, yes);
            counted += applied.counted() ? 1 : 0;
            released += applied.released() ? 1 : 0;
        }
        incidents.log(incident.incidentId(), "release approved", "Approval " + approval.approvalId() + " by "
                + approver.name() + " (identity " + approver.identity() + ")" + (command.band() == null ? ""
                : " for band " + command.band()) + (command.reason() == null || command.reason().isBlank() ? ""
                : ", because: " + command.reason().strip()) + ". It covers the " + waiting.size()
                + " notice(s) waiting for release when it was given; it counted on " + counted + " (the others already"
                + " had this approver's yes or had changed since) and met the release rule of " + released + ".");
        NoticeDispatch.Dispatched published = dispatch.dispatchClaimable(recorded);
        dispatch.ensureGeneralCommunication(incident.incidentId());
        return new Approved(approval.approvalId(), waiting.size(), counted, released, published.published(),
                figures(incident.incidentId()));
    }

    private List<Waiting> waitingNow(IncidentRecord incident, Approve command) {
        Set<String> superseded = incident.supersededCaseIds();
        List<Waiting> waiting = new ArrayList<>();
        // Any order: the approval covers every notice listed, and the store reads its own order fastest.
        persons.forEachAnyOrder(incident.incidentId(), p -> {
            if (p.held() || p.noLongerListed(superseded)) {
                return;
            }
            for (PersonNotice n : p.notices()) {
                if (n.awaitingRelease() && n.approvalsNeeded() > 0 && (command.band() == null || n.band() == command.band())) {
                    waiting.add(new Waiting(p.payNumber(), n.noticeId()));
                }
            }
        });
        return waiting;
    }

    private record Applied(boolean counted, boolean released) {
        static final Applied NO = new Applied(false, false);
    }

    private Applied applyApproval(String incidentId, Waiting w, NoticeApproval yes) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<IncidentPerson> found = persons.find(incidentId, w.payNumber());
            if (found.isEmpty()) {
                return Applied.NO;
            }
            IncidentPerson current = found.get();
            Optional<PersonNotice> before = current.notice(w.noticeId());
            IncidentPerson next = current.withApproval(w.noticeId(), yes);
            Optional<PersonNotice> after = next.notice(w.noticeId());
            if (before.isEmpty() || before.equals(after)) {
                return Applied.NO; // held since, already approved by this approver, or no longer waiting
            }
            if (persons.replace(next, current.version())) {
                return new Applied(true, after.get().released());
            }
        }
        throw new IllegalStateException("a person of incident " + incidentId + " kept changing under us ("
                + MAX_WRITE_ATTEMPTS + " attempts) while an approval was applied; give the approval again");
    }

    @Override
    public HoldOutcome hold(HoldPerson command) {
        Instant at = clock.instant();
        if (command.restriction() != null) {
            refuseRestrictionUnlessPartThree(command);
        }
        Hold hold = new Hold(command.by(), command.identity(), command.reason().strip(), at, command.restriction());
        Changed changed = change(command.incidentId(), command.payNumber(), current -> current.held() ? null
                : current.withHold(hold, at));
        int inFlight = (int) changed.person().notices().stream().filter(n -> n.inFlight(at)).count();
        Instant publishedAt = changed.person().notices().stream().filter(PersonNotice::published)
                .map(PersonNotice::publishedAt).max(Instant::compareTo).orElse(null);
        if (changed.changed()) {
            String tail = (inFlight > 0 ? ". " + inFlight + " notice(s) already on their way could not be kept back" : "")
                    + ".";
            // A hold cannot take back a letter already sent: say so rather than "nothing is published".
            String published = publishedAt == null ? null : "a notice to them was already published at " + publishedAt
                    + "; the " + (hold.restriction() != null ? "restriction" : "hold") + " applies to any later notice";
            if (hold.restriction() != null) {
                incidents.log(command.incidentId(), "s.68(7) restriction", "The notice to "
                        + PersonKeys.describe(command.payNumber()) + " is withheld under " + hold.restriction().provision()
                        + ", " + hold.restriction().purpose() + ", decided by " + command.by() + " (identity "
                        + command.identity() + "), because: " + hold.reason() + "; " + (published != null ? published
                        : "nothing is published to them until the restriction is lifted (triage unhold)") + tail);
            } else {
                incidents.log(command.incidentId(), "person held", "Notices of " + PersonKeys.describe(command.payNumber())
                        + " held by " + command.by() + " (identity " + command.identity() + "), because: " + hold.reason()
                        + (published != null ? "; " + published : "") + tail);
            }
        }
        return new HoldOutcome(changed.changed(), inFlight, 0, publishedAt);
    }

    /**
     * s.68(7) restricts what s.68 requires, so it exists only where a person's notice cites s.68
     * ({@link IncidentRegime#forNotice}): a victim, witness or suspect of an incident under DPA 2018 Part 3,
     * or another subject where a manifest stated that regime. Staff are told under UK GDPR Art. 34, which it
     * does not cover, and so is an OTHER subject where the regime was only derived (an ordinary hold still
     * can keep their notice back).
     */
    private void refuseRestrictionUnlessPartThree(HoldPerson command) {
        IncidentRecord incident = incidents.require(command.incidentId());
        SubjectType subject = PersonKeys.subjectType(command.payNumber());
        if (subject.staff()) {
            throw new IllegalArgumentException("a s.68(7) restriction applies to victims, witnesses, suspects and"
                    + " other subjects under DPA 2018 Part 3, not to staff, who are told under UK GDPR Art. 34 (hold"
                    + " without --s68-7 to keep their notice back; for someone outside the workforce give TYPE:REF,"
                    + " for example VICTIM:REF)");
        }
        if (incident.reportingRegime() != Regime.DPA_2018_PART_3) {
            throw new IllegalArgumentException("incident " + command.incidentId() + " is under "
                    + incident.reportingRegime() + ", not DPA 2018 Part 3: a s.68(7) restriction does not apply (hold"
                    + " without --s68-7 to keep a notice back)");
        }
        if (IncidentRegime.forNotice(incident.regime(), subject) != Regime.DPA_2018_PART_3) {
            throw new IllegalArgumentException("the notice to " + PersonKeys.describe(command.payNumber())
                    + " cites UK GDPR Art. 34, not DPA 2018 s.68: the incident is DPA 2018 Part 3 only because it lists"
                    + " victims, witnesses or suspects (derived, not stated), and an " + subject + " subject's data"
                    + " stays under UK GDPR, which s.68(7) does not restrict (hold without --s68-7 to keep the notice"
                    + " back)");
        }
    }

    @Override
    public HoldOutcome unhold(LiftHold command) {
        Instant at = clock.instant();
        Hold[] lifted = new Hold[1];
        Changed changed = change(command.incidentId(), command.payNumber(), current -> {
            lifted[0] = current.hold();
            return current.held() ? current.withoutHold(at) : null;
        });
        int published = 0;
        if (changed.changed()) {
            S68Restriction restriction = lifted[0] == null ? null : lifted[0].restriction();
            incidents.log(command.incidentId(), restriction != null ? "s.68(7) restriction lifted" : "hold lifted",
                    (restriction != null ? "The " + restriction.provision() + " restriction on " : "The hold on ") + PersonKeys.describe(command.payNumber())
                    + " was lifted by " + command.by() + " (identity " + command.identity() + "); notices whose band"
                    + " is released automatically go now, the others wait for a fresh release.");
            published = dispatch.dispatch(incidents.require(command.incidentId()), List.of(changed.person())).published();
        }
        return new HoldOutcome(changed.changed(), 0, published);
    }

    private record Changed(IncidentPerson person, boolean changed) {
    }

    private Changed change(String incidentId, String payNumber, java.util.function.UnaryOperator<IncidentPerson> edit) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            IncidentPerson current = persons.find(incidentId, payNumber).orElseThrow(() -> new IllegalArgumentException(
                    "incident " + incidentId + " has no person with " + PersonKeys.describe(payNumber)));
            IncidentPerson next = edit.apply(current);
            if (next == null) {
                return new Changed(current, false);
            }
            if (persons.replace(next, current.version())) {
                return new Changed(next, true);
            }
        }
        throw new IllegalStateException("a person of incident " + incidentId + " kept changing under us ("
                + MAX_WRITE_ATTEMPTS + " attempts); try again");
    }

    @Override
    public NoticeDispatch.Dispatched publishReleased(ReleaseRequest request) {
        IncidentRecord incident = incidents.require(request.incidentId());
        // A batch's people in one read where the store can (DynamoDB: BatchGetItem of up to 100), not one each.
        NoticeDispatch.Dispatched done = request.wholeIncident() ? dispatch.dispatchClaimable(incident)
                : dispatch.dispatch(incident, persons.findAll(request.incidentId(), request.payNumbers()));
        dispatch.ensureGeneralCommunication(request.incidentId());
        return done;
    }

    /**
     * One person waiting to be told, for the restricted operator: the notice waiting (or held), the
     * yeses it has, and the hold if there is one.
     */
    public record PendingPerson(String payNumber, Band band, String noticeId, NoticeKind kind, Band noticeBand,
                                List<String> approvedBy, int approvalsNeeded, Hold hold) {
    }

    /** The people of the incident with a notice waiting for release or held, in pay-number order. */
    public List<PendingPerson> pending(String incidentId) {
        IncidentRecord incident = incidents.require(incidentId);
        Set<String> superseded = incident.supersededCaseIds();
        List<PendingPerson> pending = new ArrayList<>();
        persons.forEach(incidentId, p -> {
            if (p.noLongerListed(superseded)) {
                return;
            }
            for (PersonNotice n : p.notices()) {
                if (n.awaitingRelease()) {
                    pending.add(new PendingPerson(p.payNumber(), p.band(), n.noticeId(), n.kind(), n.band(),
                            n.approvals().stream().map(NoticeApproval::name).toList(), n.approvalsNeeded(), p.hold()));
                }
            }
            if (p.held() && p.notices().stream().noneMatch(PersonNotice::awaitingRelease)) {
                pending.add(new PendingPerson(p.payNumber(), p.band(), null, null, null, List.of(), 0, p.hold()));
            }
        });
        return pending;
    }

    /** Where the incident's people stand on being told, read now. */
    public ReleaseFigures figures(String incidentId) {
        return ReleaseFigures.read(incidents.require(incidentId), persons);
    }
}
