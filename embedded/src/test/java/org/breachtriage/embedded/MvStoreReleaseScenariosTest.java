package org.breachtriage.embedded;

import java.nio.file.Path;
import org.breachtriage.core.scenarios.ReleaseScenarios;
import org.breachtriage.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release scenarios on the state directory: MVStore for staff, cases, incidents and people, a
 * folder for manifests and reports, JSON Lines files for the topics. A scenario that restarts the
 * process gets a second harness over the same open state, as a re-run would see it.
 */
class MvStoreReleaseScenariosTest extends ReleaseScenarios {
    @TempDir
    Path stateDir;
    private EmbeddedState state;

    @Override
    protected ScenarioHarness.Backend backend() {
        if (state == null) {
            state = EmbeddedState.open(stateDir);
        }
        return new ScenarioHarness.Backend(state.objectStore(), state.staffDirectory(), state.caseStore(),
                state.incidentStore(), state.personStore(), state.publisher());
    }

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }
}
