package org.breachtriage.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.pipeline.IngestManifest;
import org.breachtriage.core.pipeline.IngestService;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.pipeline.ScoreBatch;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.ports.ObjectStore;

/**
 * One run of the pipeline in this process: ingest on the calling thread, scoring on worker threads
 * fed by a bounded in-process queue, then the releases scoring asked for (notices of bands released
 * automatically, and the general staff communication), then the reports the case lifecycle asked
 * for. The same services and lifecycle the Lambda functions use; only the transport differs.
 */
public final class LocalRun {
    /** Scoring threads: the ingest thread parses while these score; more would only contend on 2 cores. */
    public static final int SCORING_WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    private LocalRun() {
    }

    /**
     * What a run did: its case's summary, whether the manifest had been triaged before, and what the
     * operator should be warned of about its incident metadata (see {@link IngestService.IngestOutcome#warnings}).
     */
    public record Outcome(RunSummary summary, boolean alreadyTriaged, List<String> warnings) {
        public Outcome {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /**
     * Triages one manifest file. Its own folder is the object store it is read from, so a sidecar
     * {@code <manifest>.incident.json} beside it is found as on S3.
     *
     * @param explicitIncident overrides any sidecar or envelope, or null
     * @param tap              wraps the manifest stream (the CLI counts bytes for its progress bar)
     */
    public static Outcome run(LocalStores stores, PipelineSettings settings, Path manifest,
                              IncidentMetadata explicitIncident, UnaryOperator<InputStream> tap) throws IOException {
        Path file = manifest.toAbsolutePath().normalize();
        ObjectStore folder = new TappedObjectStore(new FolderObjectStore(file.getParent()), tap);
        InProcessReportRequests reportRequests = new InProcessReportRequests();
        InProcessReleaseRequests releaseRequests = new InProcessReleaseRequests();
        // The queue's workers need the pipeline's scorer, and the pipeline needs the queue: tie the knot here.
        ScoreBatch[] scorer = new ScoreBatch[1];
        IngestService.IngestOutcome ingested;
        Pipeline pipeline;
        try (InProcessBatchQueue queue = new InProcessBatchQueue(SCORING_WORKERS,
                batch -> scorer[0].score(new ScoreBatch.Command(batch, false)))) {
            pipeline = new Pipeline(new PipelineAdapters(folder, stores.outputs(), stores.staff(), stores.cases(),
                    stores.incidents(), stores.persons(), queue, stores.publisher(), reportRequests, releaseRequests),
                    settings);
            scorer[0] = pipeline.score();
            // A local run that died mid-way lost its in-process queue, so unfinished batches must be re-read.
            ingested = pipeline.ingest().ingest(new IngestManifest.Command(file.getFileName().toString(),
                    explicitIncident, true));
            queue.awaitDrained();
        }
        if (ingested.caseRecord().status() == CaseStatus.FAILED) {
            // Run again unchanged: the same case, failed for the same reason; say it again, as the first run did.
            throw new ManifestFormatException(ingested.caseRecord().failureReason()
                    + " (unchanged since its case " + ingested.caseRecord().caseId() + " failed)");
        }
        String caseId = ingested.caseRecord().caseId();
        long publishedThisRun = 0;
        CaseRecord c = require(stores, caseId);
        // The scorers' requests name people of this run's incident, and the sweep of the whole incident below
        // publishes all of them and whatever a run that died left released: one walk in the store's order, so a
        // round's writes share pages, instead of one read and one round per batch. Only a request for another
        // incident (none is made today) is published on its own.
        for (ReleaseRequest requested : releaseRequests.drain()) {
            if (!requested.incidentId().equals(c.incidentId())) {
                publishedThisRun += pipeline.release().publishReleased(requested).published();
            }
        }
        if (c.incidentId() != null) {
            // The general communication too, if it has not gone.
            publishedThisRun += pipeline.release().publishReleased(ReleaseRequest.forIncident(c.incidentId())).published();
        }
        pipeline.lifecycle().scoredIfComplete(require(stores, caseId));
        for (String requested : reportRequests.drain()) {
            pipeline.report().report(requested);
        }
        CaseRecord done = require(stores, caseId);
        CaseNotices notices = done.incidentId() == null ? CaseNotices.NONE
                : CaseNotices.read(done.incidentId(), caseId, stores.persons());
        var incident = done.incidentId() == null ? null
                : pipeline.queries().art33(done.incidentId()).orElse(null);
        return new Outcome(RunSummary.of(done, notices, publishedThisRun, incident), ingested.alreadyIngested(),
                ingested.warnings());
    }

    private static CaseRecord require(LocalStores stores, String caseId) {
        return stores.cases().find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " vanished"));
    }

    /** Lets the caller see the bytes of the manifest as they are read, without the store knowing. */
    private record TappedObjectStore(ObjectStore inner, UnaryOperator<InputStream> tap) implements ObjectStore {
        @Override
        public InputStream open(String key) throws IOException {
            return tap.apply(inner.open(key));
        }

        @Override
        public Optional<ObjectInfo> head(String key) throws IOException {
            return inner.head(key);
        }

        @Override
        public void put(String key, byte[] content, String contentType, Map<String, String> metadata)
                throws IOException {
            inner.put(key, content, contentType, metadata);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            return inner.list(prefix);
        }
    }
}
