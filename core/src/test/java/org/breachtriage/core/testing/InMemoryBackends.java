package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.ScenarioHarness;

/** A scenario backend of core's in-memory fakes: the pipeline's logic without any store's own behaviour. */
final class InMemoryBackends {
    private InMemoryBackends() {
    }

    static ScenarioHarness.Backend fresh() {
        return new ScenarioHarness.Backend(new InMemoryObjectStore(), new InMemoryStaff(), new InMemoryCaseStore(),
                new InMemoryIncidentStore(), new InMemoryPersonStore(), new RecordingPublisher());
    }
}
