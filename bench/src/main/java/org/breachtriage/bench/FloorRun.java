package org.breachtriage.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.testing.DelegatingObjectStore;
import org.breachtriage.core.testing.InMemoryCaseStore;
import org.breachtriage.core.testing.InMemoryIncidentStore;
import org.breachtriage.core.testing.InMemoryPersonStore;
import org.breachtriage.core.testing.InMemoryStaff;
import org.breachtriage.embedded.FolderObjectStore;
import org.breachtriage.embedded.LocalRun;
import org.breachtriage.embedded.LocalStores;
import org.breachtriage.embedded.StateObjectStore;

/**
 * The full run's work minus its storage: the very run {@code triage run} makes ({@link LocalRun}: the
 * same services, queue, worker count and manifest stream, hash included), but over plain maps for the
 * case store and staff table, topics that only count messages (the notice bodies are still built) and
 * letters that are rendered and then dropped.
 * Full run minus this floor is what MVStore and the JSON Lines topic files cost. Its heap holds every
 * person, so its heap figures say nothing about the real run.
 */
final class FloorRun {
    private FloorRun() {
    }

    record Measured(Phase phase, RunSummary summary) {
    }

    static Measured once(String label, Path work, Path roster, Path manifest, HeapMonitor heap) throws Exception {
        RosterImport imported = FullRun.readRoster(roster);
        StaffDirectory staff = new InMemoryStaff();
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
        LocalStores stores = new LocalStores(staff, new InMemoryCaseStore(), new InMemoryIncidentStore(),
                new InMemoryPersonStore(), new LettersDropped(new FolderObjectStore(outputs)), new CountingPublisher());
        return LocalRun.run(stores, PipelineSettings.fromEnvironment(), manifest, null, in -> in).summary();
    }

    /** What the real run keeps in its state file (letters) is rendered, then dropped; reports go to the folder. */
    private static final class LettersDropped extends DelegatingObjectStore {
        LettersDropped(ObjectStore folder) {
            super(folder);
        }

        @Override
        public void put(String key, byte[] content, String contentType, Map<String, String> metadata)
                throws IOException {
            if (!StateObjectStore.keptInState(key)) {
                super.put(key, content, contentType, metadata);
            }
        }
    }

    private static final class CountingPublisher implements NoticePublisher {
        private final AtomicLong messages = new AtomicLong();

        @Override
        public void publish(Topic topic, List<OutboundMessage> batch) {
            messages.addAndGet(batch.size());
        }
    }
}
