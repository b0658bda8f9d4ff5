package org.breachtriage.bench;

import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.contract.PersonStoreContract;

/**
 * The bench's hash-map person store keeps the promises the real stores keep, so that the run it stands in for
 * makes the same decisions (PersonsInHeapRun also checks the two runs' figures agree).
 */
class HashMapPersonStoreContractTest extends PersonStoreContract {
    @Override
    protected PersonStore newPersonStore() {
        return new HashMapPersonStore();
    }
}
