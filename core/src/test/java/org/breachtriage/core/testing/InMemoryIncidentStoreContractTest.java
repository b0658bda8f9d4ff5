package org.breachtriage.core.testing;

import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.contract.IncidentStoreContract;

/** The fake keeps the same promises as the real stores. */
class InMemoryIncidentStoreContractTest extends IncidentStoreContract {
    @Override
    protected IncidentStore newIncidentStore() {
        return new InMemoryIncidentStore();
    }
}
