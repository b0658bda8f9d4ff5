package org.breachtriage.embedded;

import org.breachtriage.core.scenarios.ReleaseScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The release scenarios on the state directory ({@link ScenarioState}), a fresh one per test. */
class MvStoreReleaseScenariosTest extends ReleaseScenarios {
    @RegisterExtension
    final ScenarioState state = new ScenarioState();

    @Override
    protected ScenarioHarness.Backend backend() {
        return state.backend();
    }
}
