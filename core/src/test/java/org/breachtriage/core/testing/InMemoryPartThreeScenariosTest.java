package org.breachtriage.core.testing;

import org.breachtriage.core.scenarios.PartThreeScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;

/** The DPA 2018 Part 3 scenarios on core's in-memory fakes. */
class InMemoryPartThreeScenariosTest extends PartThreeScenarios {
    private final ScenarioHarness.Backend backend = InMemoryBackends.fresh();

    @Override
    protected ScenarioHarness.Backend backend() {
        return backend;
    }
}
