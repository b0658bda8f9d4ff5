package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.ReleaseScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;

/** The release scenarios on core's in-memory fakes. A scenario that restarts the process gets the same stores again. */
class InMemoryReleaseScenariosTest extends ReleaseScenarios {
    private final ScenarioHarness.Backend backend = InMemoryBackends.fresh();

    @Override
    protected ScenarioHarness.Backend backend() {
        return backend;
    }
}
