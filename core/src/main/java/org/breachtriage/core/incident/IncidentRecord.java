package org.breachtriage.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An incident: the breach as a whole, which arrives as one or more manifests. People, notices,
 * reports and the Art. 33 clock belong to it; each manifest keeps its own case for row accounting.
 *
 * <p>Every change is a whole-record compare-and-set on {@code version} (see
 * {@link org.breachtriage.core.ports.IncidentStore}), so two manifests joining at once, two reports
 * reserving their numbers, or two clock runs sending a reminder never lose each other's change.
 *
 * @param reference       the supplier's incident reference, or null for a manifest that named none
 *                        (it is then an incident of its own)
 * @param earliestAwareAt the earliest awareness any of its manifests states: the clock runs from there
 * @param approvals       every release decision, in order (the decision log says the same in words)
 * @param generalCommunication the general staff communication, once planned; null before
 * @param regime          the legal regime its reports and notices cite, once stated or derived; null
 *                        means UK GDPR (nothing has said otherwise)
 * @param workforceManifests the case ids of its manifests that listed someone of the workforce (a
 *                        staff row accepted), marked at ingest before their batches are queued; null
 *                        for an incident opened before this was kept, whose people must be read to know
 */
public record IncidentRecord(
        String incidentId,
        String force,
        String reference,
        String supplier,
        Instant openedAt,
        Instant earliestAwareAt,
        List<IncidentManifest> manifests,
        List<IncidentReport> reports,
        List<Reminder> reminders,
        IcoSubmission icoSubmission,
        List<IncidentApproval> approvals,
        GeneralCommunication generalCommunication,
        int version,
        IncidentRegime regime,
        Set<String> workforceManifests) {

    /** UK GDPR Art. 33(1), and DPA 2018 s.67: without undue delay and, where feasible, within 72 hours. */
    public static final Duration ART33_WINDOW = Duration.ofHours(72);

    public IncidentRecord {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        reports = reports == null ? List.of() : List.copyOf(reports);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        workforceManifests = workforceManifests == null ? null : Set.copyOf(workforceManifests);
    }

    /** A new incident with its first manifest. */
    public static IncidentRecord open(String incidentId, String force, String reference, String supplier,
                                      IncidentManifest first, Instant now) {
        return new IncidentRecord(incidentId, force, reference, supplier, now, first.awareAt(), List.of(first),
                List.of(), List.of(), null, List.of(), null, 0, null, Set.of());
    }

    public Instant art33Deadline() {
        return earliestAwareAt.plus(ART33_WINDOW);
    }

    /** True for the incident of a single manifest that named no reference. */
    public boolean ownManifestOnly() {
        return reference == null;
    }

    public Optional<IncidentManifest> manifest(String caseId) {
        return manifests.stream().filter(m -> m.caseId().equals(caseId)).findFirst();
    }

    public Set<String> supersededCaseIds() {
        return manifests.stream().filter(IncidentManifest::superseded).map(IncidentManifest::caseId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public List<String> activeCaseIds() {
        return manifests.stream().filter(m -> !m.superseded()).map(IncidentManifest::caseId).toList();
    }

    public Optional<IncidentReport> reportFor(String caseId) {
        return reports.stream().filter(r -> r.caseId().equals(caseId)).findFirst();
    }

    public Optional<IncidentReport> report(int number) {
        return reports.stream().filter(r -> r.number() == number).findFirst();
    }

    public Optional<Reminder> reminder(Reminder.Threshold threshold) {
        return reminders.stream().filter(r -> r.threshold() == threshold).findFirst();
    }

    /** This record with the manifest added (if new), the earliest awareness kept, and the next version. */
    public IncidentRecord withManifest(IncidentManifest manifest) {
        if (manifest(manifest.caseId()).isPresent()) {
            return this;
        }
        List<IncidentManifest> more = new ArrayList<>(manifests);
        more.add(manifest);
        Instant earliest = manifest.awareAt().isBefore(earliestAwareAt) ? manifest.awareAt() : earliestAwareAt;
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliest, more, reports, reminders,
                icoSubmission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    /**
     * This record with the manifest's awareness moved to {@code awareAt} if that is earlier than it
     * says now, the incident's earliest awareness with it, and the next version; itself when the
     * manifest is unknown or already says as early. Awareness only ever moves earlier: the deadline
     * runs from the earliest time the force knew.
     */
    public IncidentRecord withEarlierAwareness(String caseId, Instant awareAt) {
        Optional<IncidentManifest> manifest = manifest(caseId);
        if (manifest.isEmpty() || !awareAt.isBefore(manifest.get().awareAt())) {
            return this;
        }
        List<IncidentManifest> changed = manifests.stream()
                .map(m -> m.caseId().equals(caseId) ? m.withAwareAt(awareAt) : m).toList();
        Instant earliest = awareAt.isBefore(earliestAwareAt) ? awareAt : earliestAwareAt;
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliest, changed, reports, reminders,
                icoSubmission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    /** This record with {@code superseded} marked as replaced by {@code by}, and the next version. */
    public IncidentRecord withSuperseded(String superseded, String by) {
        List<IncidentManifest> changed = manifests.stream()
                .map(m -> m.caseId().equals(superseded) && !m.superseded() ? m.supersededBy(by) : m).toList();
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, changed, reports,
                reminders, icoSubmission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    public IncidentRecord withReport(IncidentReport report) {
        List<IncidentReport> changed = new ArrayList<>(reports.stream().filter(r -> r.number() != report.number()).toList());
        changed.add(report);
        changed.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, changed,
                reminders, icoSubmission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    public IncidentRecord withReminder(Reminder reminder) {
        List<Reminder> changed = new ArrayList<>(reminders.stream()
                .filter(r -> r.threshold() != reminder.threshold()).toList());
        changed.add(reminder);
        changed.sort((a, b) -> a.threshold().compareTo(b.threshold()));
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                changed, icoSubmission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    public IncidentRecord withIcoSubmission(IcoSubmission submission) {
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                reminders, submission, approvals, generalCommunication, version + 1, regime, workforceManifests);
    }

    /** This record with one more release decision, and the next version. */
    public IncidentRecord withApproval(IncidentApproval approval) {
        List<IncidentApproval> more = new ArrayList<>(approvals);
        more.add(approval);
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                reminders, icoSubmission, more, generalCommunication, version + 1, regime, workforceManifests);
    }

    public IncidentRecord withGeneralCommunication(GeneralCommunication communication) {
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                reminders, icoSubmission, approvals, communication, version + 1, regime, workforceManifests);
    }

    /** This record with its regime set, and the next version. */
    public IncidentRecord withRegime(IncidentRegime decided) {
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                reminders, icoSubmission, approvals, generalCommunication, version + 1, decided, workforceManifests);
    }

    /** This record with the manifest marked as listing the workforce, and the next version; itself if it is already. */
    public IncidentRecord withWorkforceManifest(String caseId) {
        if (workforceManifests == null || workforceManifests.contains(caseId)) {
            return this; // null: opened before manifests were marked, and its people are read instead
        }
        Set<String> more = new java.util.HashSet<>(workforceManifests);
        more.add(caseId);
        return new IncidentRecord(incidentId, force, reference, supplier, openedAt, earliestAwareAt, manifests, reports,
                reminders, icoSubmission, approvals, generalCommunication, version + 1, regime, more);
    }

    /**
     * Whether anyone of the workforce is among its people, if the record can say without reading them:
     * true when a manifest not superseded listed staff, false when none did, empty for an incident opened
     * before manifests were marked.
     */
    public Optional<Boolean> listsWorkforce() {
        if (workforceManifests == null) {
            return Optional.empty();
        }
        Set<String> superseded = supersededCaseIds();
        return Optional.of(workforceManifests.stream().anyMatch(id -> !superseded.contains(id)));
    }

    /** The regime its reports cite: UK GDPR until a manifest states or implies another. */
    public org.breachtriage.core.cases.Regime reportingRegime() {
        return IncidentRegime.of(regime);
    }

    /** The next approval's id: {@code <incident>/approval/<n>}, numbered from 1. */
    public String nextApprovalId() {
        return incidentId + "/approval/" + (approvals.size() + 1);
    }
}
