package org.breachtriage.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ForceName;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * The whole pipeline in one process on embedded storage: the same ingest, score and report services
 * the Lambda functions call (see {@link LocalRun}), on the state directory's MVStore file, object
 * folder and JSON Lines topics.
 */
public final class LocalPipeline implements AutoCloseable {
    private final EmbeddedState state;
    private final PipelineSettings settings;

    private LocalPipeline(EmbeddedState state, PipelineSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /** The state directory with the environment's settings ({@link PipelineSettings#fromEnvironment}). */
    public static LocalPipeline open(Path stateDir) {
        return new LocalPipeline(EmbeddedState.open(stateDir), PipelineSettings.fromEnvironment());
    }

    public static LocalPipeline open(Path stateDir, ScoringPolicy policy, Clock clock) {
        return new LocalPipeline(EmbeddedState.open(stateDir), new PipelineSettings(policy, ForceName.fromEnvironment(), clock));
    }

    /** Whether the process that held the state directory before this one died without closing it. */
    public CrashRecovery.Recovered recovered() {
        return state.recovered();
    }

    /** Commits what a command outside a run (a release, a hold) changed. */
    public void commit() {
        state.commit();
    }

    /** @param warnings about the incident metadata, for {@code triage: warning:} lines */
    public record RunOutcome(RunSummary summary, boolean alreadyTriaged, List<String> warnings) {
    }

    /**
     * Triages one manifest file (see {@link LocalRun#run}) and commits the state directory.
     *
     * @param explicitIncident overrides any sidecar or envelope, or null
     * @param tap              wraps the manifest stream (the CLI counts bytes for its progress bar)
     */
    public RunOutcome run(Path manifest, IncidentMetadata explicitIncident, UnaryOperator<InputStream> tap)
            throws IOException {
        LocalRun.Outcome outcome = LocalRun.run(stores(), settings, manifest, explicitIncident, tap);
        state.commit();
        return new RunOutcome(outcome.summary(), outcome.alreadyTriaged(), outcome.warnings());
    }

    /** The pipeline's services over this state directory, outside a run (no batch queue). */
    public Pipeline services() {
        BatchQueue none = batches -> {
            throw new IllegalStateException("batches are only queued during a run");
        };
        return new Pipeline(new PipelineAdapters(state.objectStore(), state.objectStore(), state.staffDirectory(),
                state.caseStore(), state.incidentStore(), state.personStore(), none, state.publisher(),
                new InProcessReportRequests(), new InProcessReleaseRequests()), settings);
    }

    public ReportService reports() {
        return services().report();
    }

    /** Replaces or adds these people in the staff table. */
    public void importStaff(List<StaffMember> members) {
        state.staffDirectory().putAll(members);
        state.commit();
    }

    public long staffCount() {
        return state.staffDirectory().count();
    }

    /**
     * What the staff table costs a run's memory: the heap its lookup snapshot takes, measured on the snapshot
     * itself (loading it if no lookup has yet), and the heap bound {@code bin/triage} sets for commands on this
     * state dir from the table's size ({@link HeapHint}), which the next clean close writes down.
     *
     * @param snapshotBytes the snapshot's heap, in bytes
     * @param runHeapMb     the heap bound for a run, in MB, unless {@code TRIAGE_HEAP} or {@code TRIAGE_JAVA_OPTS} sets one
     */
    public record StaffFootprint(long people, long snapshotBytes, long runHeapMb) {
    }

    public StaffFootprint staffFootprint() {
        long people = staffCount();
        return new StaffFootprint(people, state.staffDirectory().snapshotBytes(), HeapHint.heapMbFor(people));
    }

    public MvStoreCaseStore cases() {
        return state.caseStore();
    }

    public MvStoreIncidentStore incidents() {
        return state.incidentStore();
    }

    public MvStorePersonStore persons() {
        return state.personStore();
    }

    public MvStoreStaffDirectory staff() {
        return state.staffDirectory();
    }

    public StateObjectStore outputs() {
        return state.objectStore();
    }

    public JsonLinesTopicSink topics() {
        return state.topics();
    }

    public Path stateDir() {
        return state.stateDir();
    }

    /** Where an incident's outputs are, for people to open. */
    public String describeOutputs(String incidentId) {
        return state.objectStore().folder().root().resolve("reports").resolve(incidentId) + "/, "
                + state.topics().dir() + "/{alerts,notices}.jsonl";
    }

    private LocalStores stores() {
        return new LocalStores(state.staffDirectory(), state.caseStore(), state.incidentStore(), state.personStore(),
                state.objectStore(), state.publisher());
    }

    @Override
    public void close() {
        state.close();
    }
}
