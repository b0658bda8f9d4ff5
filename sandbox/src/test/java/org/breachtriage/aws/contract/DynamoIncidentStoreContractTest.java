package org.breachtriage.aws.contract;

import org.breachtriage.aws.DynamoIncidentStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.contract.IncidentStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident-store contract on DynamoDB (dynalite), in the shared case table; query pages of 3
 * items make listing and the decision log page through LastEvaluatedKey.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoIncidentStoreContractTest extends IncidentStoreContract {
    private final EmulatorStack stack;

    DynamoIncidentStoreContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected IncidentStore newIncidentStore() {
        return new DynamoIncidentStore(stack.clients().dynamoDb(), stack.names().caseTable(), 3);
    }
}
