package org.breachtriage.embedded;

import org.breachtriage.core.scenarios.PartThreeScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DPA 2018 Part 3 scenarios on the state directory ({@link ScenarioState}), a fresh one per test. */
class MvStorePartThreeScenariosTest extends PartThreeScenarios {
    @RegisterExtension
    final ScenarioState state = new ScenarioState();

    @Override
    protected ScenarioHarness.Backend backend() {
        return state.backend();
    }
}
