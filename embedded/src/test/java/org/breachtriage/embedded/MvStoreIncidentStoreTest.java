package org.breachtriage.embedded;

import java.nio.file.Path;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.contract.IncidentStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The incident-store contract on the MVStore file. */
class MvStoreIncidentStoreTest extends IncidentStoreContract {
    @TempDir
    Path stateDir;
    private EmbeddedState state;

    @Override
    protected IncidentStore newIncidentStore() {
        state = EmbeddedState.open(stateDir);
        return state.incidentStore();
    }

    @AfterEach
    void closeState() {
        state.close();
    }
}
