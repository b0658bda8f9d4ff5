package org.breachtriage.aws.contract;

import org.breachtriage.aws.Backoff;
import org.breachtriage.aws.DynamoCaseStore;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.contract.CaseStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case-store contract on DynamoDB (dynalite). Case ids are unique per test, so the table is
 * shared. Query pages of 7 items make the result, reject, decision and list reads page through
 * LastEvaluatedKey, as they do on a real case of tens of thousands of people.
 */
@ExtendWith(EmulatorStackExtension.class)
class DynamoCaseStoreContractTest extends CaseStoreContract {

    private static final int SMALL_QUERY_PAGE = 7;

    private final EmulatorStack stack;

    DynamoCaseStoreContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected CaseStore newCaseStore() {
        return new DynamoCaseStore(stack.clients().dynamoDb(), stack.names().caseTable(), Backoff.DEFAULT, SMALL_QUERY_PAGE);
    }
}
