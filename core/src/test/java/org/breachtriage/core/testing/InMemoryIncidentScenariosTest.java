package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.IncidentScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;

/** The incident scenarios on core's in-memory fakes. A scenario that restarts the process gets the same stores again. */
class InMemoryIncidentScenariosTest extends IncidentScenarios {
    private final ScenarioHarness.Backend backend = InMemoryBackends.fresh();

    @Override
    protected ScenarioHarness.Backend backend() {
        return backend;
    }
}
