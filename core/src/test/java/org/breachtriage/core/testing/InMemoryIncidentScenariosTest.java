package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.IncidentScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;

/** The incident scenarios on core's in-memory fakes: the pipeline's logic without any store's own behaviour. */
class InMemoryIncidentScenariosTest extends IncidentScenarios {
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
