package org.breachtriage.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.release.CaseNotices;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.embedded.EmbeddedState;
import org.breachtriage.embedded.LocalPipeline;

/**
 * One full embedded run, as {@code triage staff import} then {@code triage run} would do it, on a
 * fresh state dir: the roster import is measured separately and is not part of the run time; the run
 * time covers opening the state dir, {@link LocalPipeline#run} (hash, ingest, score, report) and
 * closing it (the final commit to disk).
 */
final class FullRun {
    private FullRun() {
    }

    /**
     * What the run reported and what was found in the state dir afterwards (counted untimed).
     *
     * @param resultsStored     person results in the case store
     * @param rejectRowsStored  distinct row numbers among the stored rejects
     * @param noticeLines       messages on the notices topic
     * @param readFailures      errors met while reading the state back, one per failed attempt; the
     *                          inspection is tried up to {@value #INSPECTION_ATTEMPTS} times on a fresh open
     */
    record Outcome(RunSummary summary, boolean alreadyTriaged, long resultsStored, long rejectRowsStored,
                   long noticeLines, StateSize stateSize, List<String> readFailures) {
    }

    /**
     * Reading a big state dir back has failed with MVStore's "Chunk N not found" while its background
     * compaction ran (h2database issue 4383); one more attempt tells a passing race from a damaged file.
     */
    static final int INSPECTION_ATTEMPTS = 2;

    record StateSize(long totalBytes, long storeFileBytes, long objectsBytes, long topicsBytes) {
        static StateSize of(Path stateDir) throws IOException {
            return new StateSize(Dirs.size(stateDir), Dirs.size(stateDir.resolve(EmbeddedState.STORE_FILE)),
                    Dirs.size(stateDir.resolve(EmbeddedState.OBJECTS_DIR)),
                    Dirs.size(stateDir.resolve(EmbeddedState.TOPICS_DIR)));
        }
    }

    record Measured(Phase importPhase, Phase runPhase, Outcome outcome) {
    }

    static Measured once(String label, Path stateDir, Path roster, Path manifest, HeapMonitor heap, Profiler profiler)
            throws Exception {
        Dirs.deleteRecursively(stateDir);
        Phase importPhase = Phase.measure("import " + label, heap, () -> {
            importRoster(stateDir, roster);
            return null;
        }).phase();
        var run = Phase.measure("run " + label, heap, () -> {
            try (Profiler.Session ignored = profiler.start(); LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
                return pipeline.run(manifest, null, in -> in);
            }
        });
        return new Measured(importPhase, run.phase(), inspect(stateDir, run.value()));
    }

    private static void importRoster(Path stateDir, Path roster) throws IOException {
        importStaff(stateDir, readRoster(roster).members());
    }

    /** The generated roster, which must have no invalid row: the bench measures runs, not rejections of staff. */
    static RosterImport readRoster(Path roster) throws IOException {
        RosterImport imported = new RosterReader().read(roster);
        if (imported.hasErrors()) {
            throw new IllegalStateException(roster + ": " + imported.errors().size() + " invalid rows, first: "
                    + imported.errors().getFirst().describe());
        }
        return imported;
    }

    /** Imports the members into the state dir's staff table, as {@code triage staff import} does, and checks they are all there. */
    static void importStaff(Path stateDir, List<StaffMember> members) {
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            pipeline.importStaff(members);
            if (pipeline.staffCount() != members.size()) {
                throw new IllegalStateException("staff table holds " + pipeline.staffCount() + " people after importing "
                        + members.size());
            }
        }
    }

    /** Counts what the run left behind, independently of its own counters. */
    private static Outcome inspect(Path stateDir, LocalPipeline.RunOutcome outcome) throws IOException {
        List<String> failures = new ArrayList<>();
        while (true) {
            try {
                return inspectOnce(stateDir, outcome, failures);
            } catch (RuntimeException e) {
                failures.add(e.getClass().getName() + ": " + e.getMessage());
                System.err.println("bench: reading the state back failed: " + e);
                if (failures.size() == INSPECTION_ATTEMPTS) {
                    return new Outcome(outcome.summary(), outcome.alreadyTriaged(), -1, -1,
                            Dirs.lines(stateDir.resolve(EmbeddedState.TOPICS_DIR).resolve("notices.jsonl")),
                            StateSize.of(stateDir), List.copyOf(failures));
                }
            }
        }
    }

    private static Outcome inspectOnce(Path stateDir, LocalPipeline.RunOutcome outcome, List<String> failures)
            throws IOException {
        String caseId = outcome.summary().caseId();
        AtomicLong results = new AtomicLong();
        Set<Long> rejectRows = new HashSet<>();
        RunSummary stored;
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            pipeline.persons().forEach(outcome.summary().incidentId(), person -> results.incrementAndGet());
            pipeline.cases().forEachReject(caseId, reject -> rejectRows.add(reject.rowNumber()));
            var c = pipeline.cases().find(caseId).orElseThrow(
                    () -> new IllegalStateException("case " + caseId + " not in the store after the run"));
            // The incident's Art. 33 verdict, as the run's summary gives it (LocalRun), not the case's provisional one.
            var art33 = pipeline.services().queries().view(c.incidentId()).map(view -> view.art33()).orElse(null);
            stored = RunSummary.of(c, CaseNotices.read(c.incidentId(), caseId, pipeline.persons()),
                    outcome.summary().notices().publishedThisRun(), art33);
        }
        if (!stored.equals(outcome.summary())) {
            throw new IllegalStateException("the stored case differs from the run's summary: " + stored + " vs "
                    + outcome.summary());
        }
        long notices = Dirs.lines(stateDir.resolve(EmbeddedState.TOPICS_DIR).resolve("notices.jsonl"));
        return new Outcome(outcome.summary(), outcome.alreadyTriaged(), results.get(), rejectRows.size(), notices,
                StateSize.of(stateDir), List.copyOf(failures));
    }
}
