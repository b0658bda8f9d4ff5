package org.breachtriage.embedded;

import java.nio.file.Path;
import org.breachtriage.core.scenarios.ScenarioHarness;

/**
 * The state directory as a scenario backend: MVStore for staff, cases, incidents and people, a folder
 * for manifests, reports and letters, JSON Lines files for the topics. Opened on first use and kept
 * open, so a scenario that restarts the process sees the state a re-run would.
 */
final class ScenarioState implements AutoCloseable {
    private final Path stateDir;
    private EmbeddedState state;

    ScenarioState(Path stateDir) {
        this.stateDir = stateDir;
    }

    ScenarioHarness.Backend backend() {
        if (state == null) {
            state = EmbeddedState.open(stateDir);
        }
        return new ScenarioHarness.Backend(state.objectStore(), state.staffDirectory(), state.caseStore(),
                state.incidentStore(), state.personStore(), state.publisher());
    }

    @Override
    public void close() {
        if (state != null) {
            state.close();
        }
    }
}
