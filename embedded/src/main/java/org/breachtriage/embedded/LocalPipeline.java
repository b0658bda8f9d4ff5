package org.breachtriage.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ForceName;
import org.breachtriage.core.pipeline.IngestService;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.pipeline.ScoreService;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;

/**
 * The whole pipeline in one process on embedded storage: the same ingest, score and report services
 * the Lambda functions call, wired to MVStore, a folder, an in-process queue and JSON Lines topics.
 */
public final class LocalPipeline implements AutoCloseable {
    /** Scoring threads: the ingest thread parses while these score; more would only contend on 2 cores. */
    static final int SCORING_WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    private final EmbeddedState state;
    private final ScoringPolicy policy;
    private final SeverityScorer scorer;
    private final Clock clock;
    private final String force;

    private LocalPipeline(EmbeddedState state, ScoringPolicy policy, Clock clock) {
        this.state = state;
        this.force = ForceName.fromEnvironment();
        this.policy = policy;
        this.scorer = new SeverityScorer(policy);
        this.clock = clock;
    }

    public static LocalPipeline open(Path stateDir) {
        return open(stateDir, ScoringPolicy.loadDefault(), Clock.systemUTC());
    }

    public static LocalPipeline open(Path stateDir, ScoringPolicy policy, Clock clock) {
        return new LocalPipeline(EmbeddedState.open(stateDir), policy, clock);
    }

    public record RunOutcome(RunSummary summary, boolean alreadyTriaged) {
    }

    /**
     * Triages one manifest file. The manifest's own folder is the object store it is read from, so a
     * sidecar {@code <manifest>.incident.json} beside it is found as on S3.
     *
     * @param explicitIncident overrides any sidecar or envelope, or null
     * @param tap              wraps the manifest stream (the CLI counts bytes for its progress bar)
     */
    public RunOutcome run(Path manifest, IncidentMetadata explicitIncident, UnaryOperator<InputStream> tap)
            throws IOException {
        Path file = manifest.toAbsolutePath().normalize();
        ObjectStore folder = new TappedObjectStore(new FolderObjectStore(file.getParent()), tap);
        ScoreService scoring = new ScoreService(state.staffDirectory(), state.caseStore(), state.publisher(), scorer,
                policy);
        IngestService.IngestOutcome ingested;
        try (InProcessBatchQueue queue = new InProcessBatchQueue(SCORING_WORKERS, scoring::score)) {
            IngestService ingest = new IngestService(folder, state.caseStore(), queue, state.publisher(),
                    policy.version(), clock);
            // A local run that died mid-way lost its in-process queue, so unfinished batches must be re-read.
            ingested = ingest.ingest(file.getFileName().toString(), explicitIncident, true);
            queue.awaitDrained();
        }
        String caseId = ingested.caseRecord().caseId();
        CaseRecord afterScoring = requireCase(caseId);
        ScoreService.markScoredIfComplete(state.caseStore(), state.publisher(), afterScoring);
        if (requireCase(caseId).status() == CaseStatus.SCORED) {
            reports().report(caseId);
        }
        state.commit();
        return new RunOutcome(RunSummary.of(requireCase(caseId)), ingested.alreadyIngested());
    }

    public ReportService reports() {
        return new ReportService(state.caseStore(), state.objectStore(), state.publisher(), force, clock);
    }

    /** Replaces or adds these people in the staff table. */
    public void importStaff(List<StaffMember> members) {
        state.staffDirectory().putAll(members);
        state.commit();
    }

    public long staffCount() {
        return state.staffDirectory().count();
    }

    public MvStoreCaseStore cases() {
        return state.caseStore();
    }

    public MvStoreStaffDirectory staff() {
        return state.staffDirectory();
    }

    public FolderObjectStore outputs() {
        return state.objectStore();
    }

    public JsonLinesTopicSink topics() {
        return state.publisher();
    }

    public Path stateDir() {
        return state.stateDir();
    }

    /** Where a case's outputs are, for people to open. */
    public String describeOutputs(String caseId) {
        return state.objectStore().root().resolve("reports").resolve(caseId) + "/, "
                + state.publisher().dir() + "/{alerts,notices}.jsonl";
    }

    private CaseRecord requireCase(String caseId) {
        return state.caseStore().find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " vanished"));
    }

    @Override
    public void close() {
        state.close();
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
