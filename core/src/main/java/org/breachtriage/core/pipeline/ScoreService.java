package org.breachtriage.core.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentManifest;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.incident.PersonChange;
import org.breachtriage.core.incident.PersonLedger;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.incident.Sighting;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.ReleaseRequests;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.ports.StaffDirectory;

/**
 * Scores one batch: checks it belongs to a manifest of its incident (from this scorer's copy of the
 * incident, read again only when a write needs it: {@link IncidentCopies}), looks everyone up in one call,
 * folds each person's rows into their incident record ({@link PersonLedger}), asks for the notices
 * those writes released at once to be published, and adds the batch's counts to its case once.
 *
 * <p>Scoring tells nobody. It plans notices: those of a band the policy releases automatically are
 * planned released, and a release request names the batch's people who have them; the rest wait for
 * a person's decision. Letters are written at release, not here.
 *
 * <p>Delivery is at-least-once, and two manifests of one incident may be scored at the same moment,
 * so every step is safe to repeat or to race: a person's record is written only if absent or by
 * compare-and-set on its version, and a notice is planned in that same write, so only the writer that
 * changes the person's band plans it (the outbox). The release request is sent after the writes are
 * stored and before the batch counts, so a batch that dies in between asks again on its retry. The
 * counts a batch adds are the changes it recorded on each person, so a retry adds exactly what the
 * first attempt changed, and its case counts the batch once.
 */
public final class ScoreService implements ScoreBatch {
    private static final int MAX_WRITE_ATTEMPTS = 10;

    private final StaffDirectory staff;
    private final CaseStore cases;
    private final PersonStore persons;
    private final CaseLifecycle lifecycle;
    private final ReleaseRequests releases;
    private final PersonLedger ledger;
    private final IncidentCopies copies;

    public ScoreService(StaffDirectory staff, CaseStore cases, IncidentStore incidents, PersonStore persons,
                        CaseLifecycle lifecycle, ReleaseRequests releases, PersonLedger ledger) {
        this.staff = staff;
        this.cases = cases;
        this.persons = persons;
        this.lifecycle = lifecycle;
        this.releases = releases;
        this.ledger = ledger;
        this.copies = new IncidentCopies(incidents);
    }

    /**
     * @param noticesPlanned notices this batch planned (on a retry, those its first attempt planned)
     * @param releaseAsked   people whose released notices a release request named
     */
    public record BatchOutcome(String caseId, long batchNo, int persons, int noticesPlanned, int releaseAsked,
                               boolean alreadyDone, boolean scoredNow) {
    }

    @Override
    public BatchOutcome score(Command command) {
        RowBatch batch = command.batch();
        BatchIncident view = new BatchIncident(batch, requireIncident(copies.listing(batch.incidentId(), batch.caseId()), batch));
        Map<String, Exposure> people = mergeByPerson(batch);
        // Only staff are looked up: a victim or witness is scored from the manifest alone, and the staff
        // table is never asked about them.
        List<String> payNumbers = people.values().stream().filter(e -> e.subjectType().staff())
                .map(Exposure::payNumber).toList();
        Map<String, StaffMember> found = payNumbers.isEmpty() ? Map.of() : staff.findAll(payNumbers);
        Map<String, Long> deltas = new HashMap<>();
        int planned = 0;
        List<String> toRelease = new ArrayList<>();
        for (Exposure exposure : people.values()) {
            IncidentPerson stored = write(exposure, found.get(exposure.payNumber()), view);
            Optional<PersonChange> change = stored.change(batch.caseId(), batch.batchNo());
            if (change.isEmpty()) {
                continue; // nothing new about this person in this batch
            }
            List<PersonNotice> plannedHere = stored.noticesPlannedBy(batch.caseId(), batch.batchNo());
            change.get().addCounterDeltas(plannedHere, stored.noticesWithdrawnFor(plannedHere), deltas);
            planned += plannedHere.size();
            if (anyReleased(plannedHere) || waitsForAnotherManifestsRelease(stored, batch)) {
                toRelease.add(stored.payNumber());
            }
        }
        if (!toRelease.isEmpty()) {
            releases.request(ReleaseRequest.forBatch(batch.incidentId(), batch.caseId(), batch.batchNo(), toRelease));
        }
        deltas.values().removeIf(n -> n == 0);
        Optional<CaseRecord> completed = cases.completeBatch(batch.caseId(), batch.batchNo(), deltas);
        boolean scoredNow = lifecycle.batchScored(batch.caseId(), completed, command.redelivered());
        return new BatchOutcome(batch.caseId(), batch.batchNo(), people.size(), planned, toRelease.size(),
                completed.isEmpty(), scoredNow);
    }

    /**
     * The incident as one batch sees it: this scorer's copy ({@link IncidentCopies}), read again at most
     * once per batch, when a write needs it fresh.
     */
    private final class BatchIncident {
        private final RowBatch batch;
        private IncidentRecord incident;
        private IncidentManifest manifest;
        private boolean readInThisBatch;

        BatchIncident(RowBatch batch, IncidentRecord incident) {
            this.batch = batch;
            use(incident);
        }

        private void use(IncidentRecord record) {
            incident = record;
            manifest = requireManifest(record, batch);
        }

        boolean fresh() {
            return readInThisBatch;
        }

        void readAgain() {
            use(requireIncident(copies.read(batch.incidentId()), batch));
            readInThisBatch = true;
        }

        Sighting sighting(Exposure exposure, StaffMember member) {
            return new Sighting(batch.incidentId(), batch.caseId(), batch.batchNo(), exposure.payNumber(),
                    exposure.categories(), exposure.rank(), exposure.vettingLevel(), member, batch.incident(),
                    !manifest.superseded(), exposure.contactChannel(), incident.regime());
        }
    }

    /**
     * The batch's manifest in its incident, which must be there: ingest joins a manifest to its incident
     * before it queues the first batch, so anything else is a message that is not ours (or a fixture
     * run by hand), and scoring it would record changes to people under a case the incident does not
     * have, which its figures could never count. It also says whether a later manifest superseded this
     * one: its people are then recorded, but nobody is told on its strength.
     */
    private static IncidentRecord requireIncident(Optional<IncidentRecord> found, RowBatch batch) {
        return found.orElseThrow(() -> new IllegalStateException(
                "batch " + batch.batchNo() + " of case " + batch.caseId() + " names incident " + batch.incidentId()
                        + ", which does not exist: not scored"));
    }

    private static IncidentManifest requireManifest(IncidentRecord incident, RowBatch batch) {
        return incident.manifest(batch.caseId()).orElseThrow(() -> new IllegalStateException("batch "
                + batch.batchNo() + " names case " + batch.caseId() + ", which is not a manifest of incident "
                + batch.incidentId() + ": not scored"));
    }

    /**
     * Folds the person's sighting into their record: written if absent, else replaced by compare-and-set,
     * re-reading and re-applying when another writer got there first. Before a write that plans a notice
     * the incident copy could wrongly allow, the incident is read again and the sighting remade from it.
     *
     * @return the record as stored afterwards (with this batch's change, if it made one)
     */
    private IncidentPerson write(Exposure exposure, StaffMember member, BatchIncident view) {
        String incidentId = view.batch.incidentId();
        Sighting sighting = view.sighting(exposure, member);
        IncidentPerson current = persons.findLocally(incidentId, exposure.payNumber()).orElse(null);
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<IncidentPerson> next = ledger.apply(current, sighting);
            if (next.isPresent() && !view.fresh() && needsFreshIncident(next.get(), sighting)) {
                view.readAgain();
                sighting = view.sighting(exposure, member);
                next = ledger.apply(current, sighting);
            }
            if (next.isEmpty()) {
                return current;
            }
            if (current == null) {
                Optional<IncidentPerson> existing = persons.putIfAbsent(next.get());
                if (existing.isEmpty()) {
                    return next.get();
                }
                current = existing.get();
            } else if (persons.replace(next.get(), current.version())) {
                return next.get();
            } else {
                current = persons.find(incidentId, exposure.payNumber()).orElseThrow(() ->
                        new IllegalStateException("a person of incident " + incidentId + " vanished"));
            }
        }
        throw new IllegalStateException("a person of incident " + sighting.incidentId() + " kept changing under us ("
                + MAX_WRITE_ATTEMPTS + " attempts); batch " + sighting.batchNo() + " of case " + sighting.caseId()
                + " will be retried");
    }

    /**
     * A notice released, not yet out, that another manifest of the incident planned for a person this batch
     * also names. Its own release request found them no longer listed if that manifest had been superseded
     * since (as the copy it was planned from did not yet say: {@link #needsFreshIncident}); they are listed
     * again now, by this manifest, which plans no second notice for the same band. So this batch asks for
     * their release too, or it would wait for the next release of the whole incident.
     */
    private static boolean waitsForAnotherManifestsRelease(IncidentPerson stored, RowBatch batch) {
        for (PersonNotice n : stored.notices()) {
            if (n.released() && !n.published() && !n.caseId().equals(batch.caseId())) {
                return true;
            }
        }
        return false;
    }

    // Loops rather than streams here and below: they run for every person a batch changes, on lists of one
    // to four notices, where setting up a stream cost more than the search (JFR, 1M-row run).
    private static boolean anyReleased(List<PersonNotice> notices) {
        for (PersonNotice n : notices) {
            if (n.released()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when this write plans a notice that an old copy of the incident could have allowed wrongly, and
     * nothing later would catch. The copy can be wrong in one direction only: a manifest superseded, or a
     * DPA 2018 Part 3 stated, since it was read. Two cases are left to later steps, which read the incident
     * after this write and so know at least as much as a read here would:
     * <ul>
     *   <li>a person named by this manifest alone: if it has been superseded, the release step finds them
     *       no longer listed and sends them nothing (it reads the incident when it claims);</li>
     *   <li>a notice that waits for approvers already: a stated Part 3 would only make it wait (s.68(7)).</li>
     * </ul>
     * Read again, then, for a person some other manifest names too (their notice would go out on this
     * manifest's strength), and for a notice to someone outside the workforce that needs no approver (a Part 3
     * stated since would make it wait for one). Staff and the people of a one-manifest incident
     * never need it, so a run costs one incident read per scorer, not one per batch.
     */
    static boolean needsFreshIncident(IncidentPerson next, Sighting sighting) {
        List<PersonNotice> planning = next.noticesPlannedBy(sighting.caseId(), sighting.batchNo());
        if (planning.isEmpty()) {
            return false;
        }
        for (ManifestExposure m : next.manifests()) {
            if (!m.caseId().equals(sighting.caseId())) {
                return true; // named elsewhere
            }
        }
        if (sighting.subjectType().staff()) {
            return false;
        }
        for (PersonNotice n : planning) {
            if (n.approvalsNeeded() == 0) {
                return true; // no approver, outside the workforce
            }
        }
        return false;
    }

    /**
     * Rows of one batch merged per person (pay number, or subject type and subject_ref), with incident
     * defaults applied to rows that named no fields.
     */
    private static Map<String, Exposure> mergeByPerson(RowBatch batch) {
        Map<String, Exposure> people = new LinkedHashMap<>();
        for (ManifestRow row : batch.rows()) {
            Exposure exposure = Exposure.of(row, batch.incident());
            people.merge(exposure.payNumber(), exposure, Exposure::merge);
        }
        return people;
    }

    /**
     * What one person's rows say was exposed, and the echoes the scorer can use if the staff table lacks them.
     *
     * @param payNumber the person's key ({@link ManifestRow#personKey})
     */
    private record Exposure(String payNumber, Set<DataCategory> categories, String rank, String vettingLevel,
                            SubjectType subjectType, ContactChannel contactChannel) {

        static Exposure of(ManifestRow row, IncidentMetadata incident) {
            Set<DataCategory> categories = row.exposedFields().isEmpty()
                    ? incident.defaultExposedFields() : row.exposedFields();
            return new Exposure(row.personKey(), categories, blankToNull(row.rank()), blankToNull(row.vettingLevel()),
                    row.subjectType(), row.contactChannel());
        }

        Exposure merge(Exposure other) {
            EnumSet<DataCategory> all = EnumSet.noneOf(DataCategory.class);
            all.addAll(categories);
            all.addAll(other.categories);
            return new Exposure(payNumber, all, rank != null ? rank : other.rank,
                    vettingLevel != null ? vettingLevel : other.vettingLevel, subjectType,
                    contactChannel != null ? contactChannel : other.contactChannel);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }
}
