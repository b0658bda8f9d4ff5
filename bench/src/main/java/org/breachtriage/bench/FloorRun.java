package org.breachtriage.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.ForceName;
import org.breachtriage.core.pipeline.IngestService;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.pipeline.ScoreService;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.scoring.SeverityScorer;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.embedded.FolderObjectStore;
import org.breachtriage.embedded.InProcessBatchQueue;

/**
 * The full run's work minus its storage: the same ingest, score and report services, the same
 * queue and worker count as {@code LocalPipeline.run}, and the same manifest stream (hash included),
 * but the case store and staff table are plain maps and the topics only count messages (the notice
 * bodies are still built, in ScoreService). Full run minus this floor is what MVStore and the JSON
 * Lines topic files cost. Its heap holds every person, so its heap figures say nothing about the
 * real run.
 */
final class FloorRun {
    /** LocalPipeline's rule (package-private there): one scorer per spare core, at least one. */
    static final int SCORING_WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    private FloorRun() {
    }

    record Measured(Phase phase, RunSummary summary) {
    }

    static Measured once(String label, Path work, Path roster, Path manifest, HeapMonitor heap) throws Exception {
        RosterImport imported = new RosterReader().read(roster);
        if (imported.hasErrors()) {
            throw new IllegalStateException(roster + ": " + imported.errors().size() + " invalid rows");
        }
        StaffDirectory staff = new MapStaffDirectory();
        staff.putAll(imported.members());
        imported = null;
        Path outputs = work.resolve("floor-outputs");
        Dirs.deleteRecursively(outputs);
        var timed = Phase.measure("floor " + label, heap, () -> run(staff, manifest, outputs));
        RunSummary summary = timed.value();
        if (!summary.balances() || !summary.status().equals("REPORTED")) {
            throw new IllegalStateException("the floor run did not balance or did not finish: " + summary);
        }
        Dirs.deleteRecursively(outputs);
        return new Measured(timed.phase(), summary);
    }

    private static RunSummary run(StaffDirectory staff, Path manifest, Path outputs) throws IOException {
        Path file = manifest.toAbsolutePath().normalize();
        ScoringPolicy policy = ScoringPolicy.loadDefault();
        SeverityScorer scorer = new SeverityScorer(policy);
        InMemoryCaseStore cases = new InMemoryCaseStore();
        NoticePublisher topics = new CountingPublisher();
        Clock clock = Clock.systemUTC();
        ScoreService scoring = new ScoreService(staff, cases, topics, scorer, policy);
        IngestService.IngestOutcome ingested;
        try (InProcessBatchQueue queue = new InProcessBatchQueue(SCORING_WORKERS, scoring::score)) {
            IngestService ingest = new IngestService(new FolderObjectStore(file.getParent()), cases, queue, topics,
                    policy.version(), clock);
            ingested = ingest.ingest(file.getFileName().toString(), null, true);
            queue.awaitDrained();
        }
        String caseId = ingested.caseRecord().caseId();
        CaseRecord scored = cases.find(caseId).orElseThrow();
        ScoreService.markScoredIfComplete(cases, topics, scored);
        new ReportService(cases, new FolderObjectStore(outputs), topics, ForceName.fromEnvironment(), clock)
                .report(caseId);
        return RunSummary.of(cases.find(caseId).orElseThrow());
    }

    private static final class MapStaffDirectory implements StaffDirectory {
        private final Map<String, StaffMember> members = new HashMap<>();

        @Override
        public synchronized Map<String, StaffMember> findAll(Collection<String> payNumbers) {
            Map<String, StaffMember> found = HashMap.newHashMap(payNumbers.size());
            for (String payNumber : payNumbers) {
                StaffMember member = members.get(payNumber);
                if (member != null) {
                    found.put(payNumber, member);
                }
            }
            return found;
        }

        @Override
        public synchronized void putAll(Collection<StaffMember> more) {
            for (StaffMember member : more) {
                members.put(member.payNumber(), member);
            }
        }
    }

    private static final class CountingPublisher implements NoticePublisher {
        private final AtomicLong messages = new AtomicLong();

        @Override
        public void publish(org.breachtriage.core.ports.Topic topic, List<org.breachtriage.core.ports.OutboundMessage> batch) {
            messages.addAndGet(batch.size());
        }
    }
}
