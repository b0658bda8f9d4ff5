package org.breachtriage.core.testing;

import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.contract.PersonStoreContract;

/** The fake keeps the same promises as the real stores. */
class InMemoryPersonStoreContractTest extends PersonStoreContract {
    @Override
    protected PersonStore newPersonStore() {
        return new InMemoryPersonStore();
    }
}
