package org.breachtriage.aws.contract;

import org.breachtriage.aws.DynamoPersonStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.contract.PersonStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The person-store contract on DynamoDB (dynalite), in the shared case table; query pages of 7
 * items make the walk of an incident's people page through LastEvaluatedKey, as a real incident of
 * tens of thousands does.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoPersonStoreContractTest extends PersonStoreContract {
    private final EmulatorStack stack;

    DynamoPersonStoreContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected PersonStore newPersonStore() {
        return new DynamoPersonStore(stack.clients().dynamoDb(), stack.names().caseTable(), 7);
    }
}
