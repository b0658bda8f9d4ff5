package org.breachtriage.embedded;

import org.breachtriage.core.scenarios.IncidentScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incident scenarios on the state directory ({@link ScenarioState}), a fresh one per test. */
class MvStoreIncidentScenariosTest extends IncidentScenarios {
    @RegisterExtension
    final ScenarioState state = new ScenarioState();

    @Override
    protected ScenarioHarness.Backend backend() {
        return state.backend();
    }
}
