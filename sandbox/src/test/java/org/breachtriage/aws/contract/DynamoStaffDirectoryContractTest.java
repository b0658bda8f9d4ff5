package org.breachtriage.aws.contract;

import org.breachtriage.aws.DynamoStaffDirectory;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.contract.StaffDirectoryContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The staff-directory contract on DynamoDB (dynalite); pay numbers are unique per test, so the table is shared. */
@ExtendWith(EmulatorStackExtension.class)
class DynamoStaffDirectoryContractTest extends StaffDirectoryContract {

    private final EmulatorStack stack;

    DynamoStaffDirectoryContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected StaffDirectory newStaffDirectory() {
        return new DynamoStaffDirectory(stack.clients().dynamoDb(), stack.names().staffTable());
    }
}
