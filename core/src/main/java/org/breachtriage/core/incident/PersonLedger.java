package org.breachtriage.core.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.ScoringInput;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * Folds what one batch says about a person into their incident record. A pure function of the
 * stored record and the sighting, so the compare-and-set loop around it can run it again on a
 * fresher record as often as it must.
 *
 * <p>The rules, in the order they apply:
 * <ol>
 *   <li>A sighting from a batch already applied to this record changes nothing (its retry counts the
 *       change it recorded then).</li>
 *   <li>This manifest's exposure of the person grows to the union of its rows; the band it alone
 *       gives is what its own case counts.</li>
 *   <li>The incident exposure grows to the union over every manifest that named them, and is
 *       rescored. A rescoring that is not higher than the current one (a manifest with milder
 *       circumstances) is kept out, so nothing lowers a band on its own; where it would have lowered
 *       the band, a review note says so.</li>
 *   <li>Notices, by the policy for the person's band: the first notice once the band is one the policy
 *       sends an individual message for (an {@code initial} notice, which replaces a lower one still
 *       waiting for release); once one has gone out, one {@code escalation} notice for each band they
 *       rise to above the highest they were due. Never two for the same kind and band, and none from a
 *       manifest that a later one superseded. A notice whose band is released automatically is planned
 *       released, unless the person is held; the others wait for their approvers.</li>
 * </ol>
 */
public final class PersonLedger {
    private final SeverityScorer scorer;
    private final ScoringPolicy policy;
    private final Clock clock;

    public PersonLedger(SeverityScorer scorer, ScoringPolicy policy, Clock clock) {
        this.scorer = scorer;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param current the stored record, or null for a person the incident has not seen
     * @return the record to write, or empty when the sighting changes nothing
     */
    public Optional<IncidentPerson> apply(IncidentPerson current, Sighting s) {
        if (current != null && current.change(s.caseId(), s.batchNo()).isPresent()) {
            return Optional.empty();
        }
        StaffMember member = s.member();
        ManifestExposure before = current == null ? null : current.manifest(s.caseId()).orElse(null);
        Assessed assessed = exposureInThisManifest(before, s);
        ManifestExposure exposure = assessed.exposure();

        // The stored set or list itself where the sighting leaves it as it was: most sightings of a big manifest
        // add nothing, and building equal copies to compare was much of what they cost.
        Set<DataCategory> union = widened(current == null ? null : current.exposed(), exposure.categories());
        boolean sameExposure = exposure.equals(before);
        List<ManifestExposure> manifests = sameExposure ? current.manifests() : withExposure(current, exposure);
        // The same inputs as this manifest's own assessment just made: the scorer is a pure function, so reuse it.
        Assessment rescored = sameInputs(union, exposure, manifests)
                ? assessed.assessment()
                : scorer.assess(input(union, member, firstEcho(manifests, true), firstEcho(manifests, false), s));
        List<String> notes = current == null ? List.of() : current.reviewNotes(); // copied only to add to
        Assessment assessment = rescored;
        if (current != null && rescored.score() < current.assessment().score()) {
            assessment = current.assessment();
            if (rescored.band().compareTo(current.band()) < 0) {
                String note = "Manifest " + s.caseId() + " alone would lower the band from " + current.band() + " to "
                        + rescored.band() + " (milder circumstances or fewer echoes); kept at " + current.band()
                        + ": review";
                if (!notes.contains(note)) {
                    notes = new ArrayList<>(notes);
                    notes.add(note);
                }
            }
        }

        boolean matched = member != null || current != null && current.matched();
        var staffType = member != null ? member.staffType() : current == null ? null : current.staffType();
        String force = member != null ? member.force() : current == null ? null : current.force();
        List<PersonNotice> notices = planNotices(current, s, assessment, member);

        // The figure the record will have, computed before it is built, so that the record is built once with
        // its change in it (building it twice copied every list of a person's record twice per sighting).
        PersonFigure after = new PersonFigure(assessment.band(), matched, staffType, Categories.mask(union),
                PersonKeys.subjectType(s.payNumber()));
        PersonFigure previous = current == null ? null : current.figure();
        // Most sightings of a big manifest add nothing (a million rows name a quarter of a million people), so the
        // test is made before the change is built, cheapest comparison first.
        boolean nothingNew = current != null && notices.size() == current.notices().size() && after.equals(previous)
                && sameExposure && assessment.equals(current.assessment());
        if (nothingNew) {
            return Optional.empty();
        }
        PersonChange change = new PersonChange(s.caseId(), s.batchNo(), previous, after,
                before == null ? null : before.figure(s.subjectType()), exposure.figure(s.subjectType()));
        List<PersonChange> changes = new ArrayList<>(current == null ? List.of() : current.changes());
        changes.add(change);
        IncidentPerson next = new IncidentPerson(s.incidentId(), s.payNumber(), matched, staffType, force, union,
                assessment, manifests, notices, changes, notes, current == null ? null : current.hold(),
                current == null ? 0 : current.version() + 1);
        assert next.figure().equals(after) : "the figure computed ahead is the record's own";
        return Optional.of(next);
    }

    /** This manifest's exposure of the person, and the assessment it alone gives. */
    private record Assessed(ManifestExposure exposure, Assessment assessment) {
    }

    private Assessed exposureInThisManifest(ManifestExposure before, Sighting s) {
        Set<DataCategory> categories = widened(before == null ? null : before.categories(), s.categories());
        String rank = s.echoedRank();
        String vetting = s.echoedVettingLevel();
        if (before != null) {
            rank = before.echoedRank() != null ? before.echoedRank() : rank;
            vetting = before.echoedVettingLevel() != null ? before.echoedVettingLevel() : vetting;
        }
        Assessment assessment = scorer.assess(input(categories, s.member(), rank, vetting, s));
        return new Assessed(new ManifestExposure(s.caseId(), categories, rank, vetting, assessment.band(),
                s.member() != null), assessment);
    }

    /** {@code stored} ∪ {@code added}, as masks: {@code stored} itself when it already holds them all (or null: none). */
    private static Set<DataCategory> widened(Set<DataCategory> stored, Set<DataCategory> added) {
        int storedMask = stored == null ? 0 : Categories.mask(stored);
        int union = storedMask | Categories.mask(added);
        return stored != null && union == storedMask ? stored : Categories.ofMask(union);
    }

    private static List<ManifestExposure> withExposure(IncidentPerson current, ManifestExposure exposure) {
        List<ManifestExposure> manifests = new ArrayList<>();
        boolean replaced = false;
        for (ManifestExposure m : current == null ? List.<ManifestExposure>of() : current.manifests()) {
            if (m.caseId().equals(exposure.caseId())) {
                manifests.add(exposure);
                replaced = true;
            } else {
                manifests.add(m);
            }
        }
        if (!replaced) {
            manifests.add(exposure);
        }
        return manifests;
    }

    /** One manifest, or several saying the same: the union's assessment is this manifest's own. */
    private static boolean sameInputs(Set<DataCategory> union, ManifestExposure exposure,
                                      List<ManifestExposure> manifests) {
        return union.equals(exposure.categories()) && Objects.equals(firstEcho(manifests, true), exposure.echoedRank())
                && Objects.equals(firstEcho(manifests, false), exposure.echoedVettingLevel());
    }

    /** The first manifest's echo that was given: the staff table, when it has the person, overrides both. */
    private static String firstEcho(List<ManifestExposure> manifests, boolean rank) {
        for (ManifestExposure m : manifests) {
            String echo = rank ? m.echoedRank() : m.echoedVettingLevel();
            if (echo != null) {
                return echo;
            }
        }
        return null;
    }

    private static ScoringInput input(Set<DataCategory> categories, StaffMember member,
                                      String rank, String vetting, Sighting s) {
        return new ScoringInput(categories, member, rank, vetting, s.incident(), s.subjectType());
    }

    /**
     * The person's notices after this sighting: a new one when their band is one the policy sends an
     * individual message for and is above every band they were due a notice for. It is {@code initial}
     * while nothing has gone out yet, and then replaces the lower notices still waiting (they are
     * withdrawn: nobody should get a letter for a band they have already left); once a notice is out,
     * or on its way, it is an {@code escalation}. None from a superseded manifest.
     */
    private List<PersonNotice> planNotices(IncidentPerson current, Sighting s, Assessment assessment, StaffMember member) {
        // The stored list itself when nothing is planned (it is immutable); a copy only to add to it.
        List<PersonNotice> notices = current == null ? List.of() : current.notices();
        Band band = assessment.band();
        // An Art. 34(3) exemption sends no individual notice: the general communication covers them.
        // Someone outside the workforce has no staff record: the manifest says how they are reached.
        NoticeDecision decision = member != null ? policy.decide(assessment, member)
                : policy.decideFor(assessment, s.contactChannel());
        if (S68Release.applies(s.regime(), s.subjectType(), s.incident().regime())) {
            decision = S68Release.waitForApprover(decision, band); // s.68(7) must be decidable first
        }
        Band told = current == null ? null : current.toldBand();
        if (!decision.sendsNotice() || !s.mayNotify() || told != null && band.compareTo(told) <= 0) {
            return notices;
        }
        Instant now = clock.instant();
        NoticeKind kind = outOrOnItsWay(notices, now) ? NoticeKind.ESCALATION : NoticeKind.INITIAL;
        String id = PersonNotice.idFor(s.incidentId(), s.payNumber(), kind, band);
        for (PersonNotice n : notices) {
            if (n.noticeId().equals(id)) {
                return notices;
            }
        }
        List<PersonNotice> stored = notices;
        notices = new ArrayList<>(stored.size() + 1);
        for (PersonNotice n : stored) {
            notices.add(n.awaitingRelease() || n.released() && !n.inFlight(now) ? n.withdrawnFor(id) : n);
        }
        notices.add(PersonNotice.planned(id, kind, band, decision.channel(), decision.templateId(), decision.required(),
                s.caseId(), s.batchNo(), now, decision.release().approvalsNeeded(), current != null && current.held()));
        return notices;
    }

    /** A notice is out, or claimed and on its way: a new one is then an escalation. */
    private static boolean outOrOnItsWay(List<PersonNotice> notices, Instant now) {
        for (PersonNotice n : notices) {
            if (n.published() || n.inFlight(now)) {
                return true;
            }
        }
        return false;
    }
}
