package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.ReleaseScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;

/** The release scenarios on core's in-memory fakes: the release logic without any store's own behaviour. */
class InMemoryReleaseScenariosTest extends ReleaseScenarios {
    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final InMemoryCaseStore cases = new InMemoryCaseStore();
    private final InMemoryIncidentStore incidents = new InMemoryIncidentStore();
    private final InMemoryPersonStore persons = new InMemoryPersonStore();
    private final InMemoryStaff staff = new InMemoryStaff();
    private final RecordingPublisher topics = new RecordingPublisher();

    @Override
    protected ScenarioHarness.Backend backend() {
        return new ScenarioHarness.Backend(objects, staff, cases, incidents, persons, topics);
    }
}
