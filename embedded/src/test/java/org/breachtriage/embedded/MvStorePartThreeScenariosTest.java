package org.breachtriage.embedded;

import java.nio.file.Path;
import org.breachtriage.core.scenarios.PartThreeScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The DPA 2018 Part 3 scenarios on the state directory ({@link ScenarioState}). */
class MvStorePartThreeScenariosTest extends PartThreeScenarios {
    @TempDir
    Path stateDir;
    private ScenarioState state;

    @Override
    protected ScenarioHarness.Backend backend() {
        if (state == null) {
            state = new ScenarioState(stateDir);
        }
        return state.backend();
    }

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }
}
