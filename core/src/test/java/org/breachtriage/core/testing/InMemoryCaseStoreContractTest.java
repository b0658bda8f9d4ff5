package org.breachtriage.core.testing;

import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.contract.CaseStoreContract;

/** The fake keeps the same promises as the real stores, so tests built on it test the pipeline. */
class InMemoryCaseStoreContractTest extends CaseStoreContract {
    @Override
    protected CaseStore newCaseStore() {
        return new InMemoryCaseStore();
    }
}
