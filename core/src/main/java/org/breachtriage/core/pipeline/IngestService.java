package org.breachtriage.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.CaseOpening;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.incident.IncidentRegime;
import org.breachtriage.core.incident.IncidentService;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.IncidentMetadataLoader;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.manifest.ManifestReader;
import org.breachtriage.core.manifest.ManifestReaders;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestVisitor;
import org.breachtriage.core.manifest.RowRejection;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;

/**
 * Reads a manifest once, as a stream: opens the case (idempotently), keeps rejects with their reasons,
 * and queues accepted rows in batches of at most {@link RowBatch#MAX_ROWS} for scoring.
 */
public final class IngestService implements IngestManifest {
    /** The queue adapters send up to 10 batches per request (SQS SendMessageBatch), so hand them 10 at a time. */
    static final int BATCHES_PER_SEND = 10;
    private static final int REJECTS_PER_WRITE = 500;
    private static final String SIDECAR_SUFFIX = ".incident.json";

    private final ObjectStore manifests;
    private final CaseLifecycle lifecycle;
    private final CaseStore cases;
    private final IncidentService incidents;
    private final BatchQueue queue;
    private final String policyVersion;
    private final String force;
    private final Clock clock;

    /** @param force the deployment's force: with the incident reference it names the incident a manifest joins */
    public IngestService(ObjectStore manifests, CaseStore cases, CaseLifecycle lifecycle, IncidentService incidents,
                         BatchQueue queue, String policyVersion, String force, Clock clock) {
        this.manifests = manifests;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.incidents = incidents;
        this.queue = queue;
        this.policyVersion = policyVersion;
        this.force = force;
        this.clock = clock;
    }

    @Override
    public IngestOutcome ingest(Command command) throws IOException {
        String key = command.key();
        ObjectInfo info = manifests.head(key).orElseThrow(() -> new ObjectStore.ObjectNotFoundException(key));
        String caseId = CaseIds.derive(key, info.version());
        Optional<CaseRecord> existing = cases.find(caseId);
        if (existing.isPresent() && existing.get().status() == CaseStatus.FAILED) {
            // Still the same bytes, so still not a manifest: say so again, as the first run did (on AWS too,
            // where a re-delivered event is then refused as a whole rather than shown as already ingested).
            String reason = existing.get().failureReason();
            lifecycle.catchUpAlerts(existing.get()); // a case.failed alert whose publisher died still goes out
            throw new ManifestFormatException((reason != null ? reason : key + ": not a manifest")
                    + " (unchanged since its case " + caseId + " failed)");
        }
        List<String> warnings = new ArrayList<>();
        if (existing.isPresent()) {
            warnings.addAll(IncidentRereads.reconcile(existing.get(),
                    resolveIncident(key, info, command.explicitIncident(), existing.get().incident().awareAt()),
                    lifecycle, incidents));
            if (!needsReading(existing.get(), command.requeueUnfinished())) {
                CaseRecord found = cases.find(caseId).orElse(existing.get());
                lifecycle.foundAlreadyIngested(found);
                return new IngestOutcome(found, true, false, null, warnings);
            }
        }
        ManifestReader reader = ManifestReaders.forName(key);
        ResolvedIncident resolved = resolveIncident(key, info, command.explicitIncident(), clock.instant());
        BatchingVisitor visitor = new BatchingVisitor(caseId, key, info.version(),
                resolved == null ? null : resolved.metadata());
        ManifestReader.ReadSummary summary;
        try (InputStream in = manifests.open(key)) {
            summary = reader.read(key, in, visitor);
            ManifestReaders.requireRows(key, summary);
        } catch (ManifestFormatException e) {
            // A file that is not a manifest joins no incident: it has no people, and its clock would be noise.
            lifecycle.fail(visitor.openCaseOnly(), e.getMessage());
            throw e;
        }
        visitor.flush();
        CaseRecord opened = visitor.openCase();
        if (existing.isEmpty()) {
            warnings.addAll(opened.incident().warnings());
        }
        CaseLifecycle.Ingested ingested = lifecycle.ingested(caseId, summary.rowsRead(), summary.rowsAccepted(),
                summary.rowsRejected(), visitor.batchesQueued);
        return new IngestOutcome(ingested.caseRecord(), false, ingested.scoredNow(), summary, warnings);
    }

    private static boolean needsReading(CaseRecord existing, boolean requeueUnfinished) {
        return existing.status() == CaseStatus.INGESTING
                || requeueUnfinished && existing.status() == CaseStatus.SCORING && !existing.allBatchesDone();
    }

    /**
     * @param warnings what the operator should hear about the incident metadata (unknown fields, a
     *                 corrected file), one sentence each, for {@code triage: warning:} lines; also in
     *                 the case's decision log
     */
    public record IngestOutcome(CaseRecord caseRecord, boolean alreadyIngested, boolean scoredNow,
                                ManifestReader.ReadSummary summary, List<String> warnings) {
        public IngestOutcome {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** Joins the case to its incident; says so on the case the first time, and what it superseded. */
    private void joinIncident(CaseRecord c) {
        IncidentService.Joined joined = incidents.join(c, force);
        if (joined.joinedNow()) {
            lifecycle.note(c.caseId(), "incident", joined.incident().ownManifestOnly()
                    ? "The manifest names no incident reference, so it is an incident of its own: " + c.incidentId()
                            + ". Give later manifests of the same breach a reference to join them up."
                    : "Joined incident " + c.incidentId() + " (reference " + joined.incident().reference() + ", force "
                            + joined.incident().force() + "), which now has " + joined.incident().manifests().size()
                            + " manifest(s); its Art. 33 deadline is " + joined.incident().art33Deadline() + ".");
            for (String note : joined.notes()) {
                lifecycle.note(c.caseId(), "supersedes", note);
            }
        }
        if (joined.regimeNote() != null) {
            lifecycle.noteOnce(c.caseId(), "regime", joined.regimeNote());
        }
    }

    /** Incident metadata from outside the manifest, and where it came from (for messages). */
    record ResolvedIncident(String source, IncidentMetadata metadata) {
    }

    /**
     * The incident metadata given with the command, else the sidecar, else the object's metadata; null
     * when there is none (an envelope may still carry it).
     *
     * @param assumedAwareAt the awareness to assume when none is given: now for a new case, the case's
     *                       own when it is read again for a case opened before
     */
    private ResolvedIncident resolveIncident(String key, ObjectInfo info, IncidentMetadata explicit, Instant assumedAwareAt)
            throws IOException {
        if (explicit != null) {
            return new ResolvedIncident("the incident metadata given with the run", explicit);
        }
        String sidecar = key + SIDECAR_SUFFIX;
        if (manifests.head(sidecar).isPresent()) {
            try (InputStream in = manifests.open(sidecar)) {
                return new ResolvedIncident(sidecar, IncidentMetadataLoader.read(sidecar, in, clock.instant(), assumedAwareAt));
            }
        }
        if (IncidentMetadataLoader.hasIncidentFields(info.metadata())) {
            String source = key + " (object metadata)";
            return new ResolvedIncident(source, IncidentMetadataLoader.fromObjectMetadata(source, info.metadata(),
                    clock.instant(), assumedAwareAt));
        }
        return null;
    }

    /** Opens the case on first need (an envelope's incident arrives before the first row), then batches rows. */
    private final class BatchingVisitor implements ManifestVisitor {
        private final String caseId;
        private final String source;
        private final String version;
        private IncidentMetadata incident;
        private CaseRecord caseRecord;
        private List<ManifestRow> rows = new ArrayList<>(RowBatch.MAX_ROWS);
        private final List<RowBatch> pending = new ArrayList<>(BATCHES_PER_SEND);
        private final List<RowRejection> rejects = new ArrayList<>();
        private long batchesQueued;
        private boolean regimeDerived;
        private boolean workforceMarked;

        BatchingVisitor(String caseId, String source, String version, IncidentMetadata incident) {
            this.caseId = caseId;
            this.source = source;
            this.version = version;
            this.incident = incident;
        }

        @Override
        public void incident(IncidentMetadata fromEnvelope) {
            if (incident == null) {
                incident = fromEnvelope;
            }
        }

        @Override
        public void accepted(ManifestRow row) {
            openCase();
            if (!regimeDerived && row.subjectType().lawEnforcementSubject()) {
                regimeDerived = true;
                derivePartThree();
            }
            if (!workforceMarked && row.subjectType().staff()) {
                workforceMarked = true; // before the batch holding the row is queued: see markWorkforceManifest
                incidents.markWorkforceManifest(caseRecord.incidentId(), caseId);
            }
            rows.add(row);
            if (rows.size() == RowBatch.MAX_ROWS) {
                closeBatch();
            }
        }

        @Override
        public void rejected(RowRejection rejection) {
            openCase();
            rejects.add(rejection);
            if (rejects.size() == REJECTS_PER_WRITE) {
                flushRejects();
            }
        }

        /**
         * The first victim, witness or suspect in a manifest: its incident is DPA 2018 Part 3, whatever the
         * manifest states (a stated UK GDPR is kept out, with a warning). Set before the batch holding the row
         * is queued, so no notice is planned, and no letter written, before the incident says which provision
         * it cites.
         */
        private void derivePartThree() {
            incidents.deriveRegime(caseRecord.incidentId());
            IncidentRegime regime = incidents.require(caseRecord.incidentId()).regime();
            if (incident.regime() == Regime.UK_GDPR) {
                lifecycle.noteOnce(caseId, "regime", IncidentService.keptPartThree("This manifest"));
            } else if (incident.regime() == null) {
                lifecycle.noteOnce(caseId, "regime", regime.derived()
                        ? "DPA 2018 Part 3, " + IncidentRegime.DERIVED_REASON + " (the incident metadata states no"
                                + " regime); the incident's report cites s.67 and its notices to them s.68."
                        : "The manifest lists victims/witnesses/suspects; the incident's regime is " + regime.regime()
                                + ", " + regime.reason() + "; kept.");
            }
        }

        CaseRecord openCase() {
            boolean opening = caseRecord == null;
            openCaseOnly();
            if (opening) {
                joinIncident(caseRecord);
            }
            return caseRecord;
        }

        CaseRecord openCaseOnly() {
            if (caseRecord == null) {
                if (incident == null) {
                    incident = IncidentMetadataLoader.conservative(clock.instant());
                }
                String incidentId = IncidentService.incidentIdFor(force, incident, caseId);
                CaseRecord candidate = CaseOpening.newCase(caseId, incidentId, source, version, incident, policyVersion,
                        clock.instant());
                caseRecord = lifecycle.open(candidate);
                incident = caseRecord.incident();
            }
            return caseRecord;
        }

        private void closeBatch() {
            pending.add(new RowBatch(caseId, caseRecord.incidentId(), batchesQueued++, incident, rows));
            rows = new ArrayList<>(RowBatch.MAX_ROWS);
            if (pending.size() == BATCHES_PER_SEND) {
                sendPending();
            }
        }

        private void sendPending() {
            if (!pending.isEmpty()) {
                queue.send(List.copyOf(pending));
                pending.clear();
            }
        }

        private void flushRejects() {
            if (!rejects.isEmpty()) {
                cases.addRejects(caseId, List.copyOf(rejects));
                rejects.clear();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                closeBatch();
            }
            sendPending();
            flushRejects();
        }
    }
}
