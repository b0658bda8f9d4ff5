package org.breachtriage.aws.contract;

import org.breachtriage.aws.S3ObjectStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.contract.ObjectStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The object-store contract on S3 (fauxqs). The contract keeps each test under its own key prefix,
 * so the sandbox bucket is shared. A list page of 2 keys makes every listing page through
 * ListObjectsV2 continuation tokens, which a page of 1,000 would never do with a handful of keys.
 */
@ExtendWith(EmulatorStackExtension.class)
class S3ObjectStoreContractTest extends ObjectStoreContract {

    private final EmulatorStack stack;

    S3ObjectStoreContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ObjectStore newObjectStore() {
        return new S3ObjectStore(stack.clients().s3(), stack.names().bucket(), 2);
    }
}
