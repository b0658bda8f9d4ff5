package org.breachtriage.aws.contract;

import java.util.List;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.ReportRequests;
import org.breachtriage.core.ports.contract.ReportRequestsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report-request contract on SQS (fauxqs), with a queue of each test's own; the consumer side
 * receives, parses with {@link SqsReportRequests#caseIdFrom} as the report function does, and deletes.
 */
@ExtendWith(EmulatorStackExtension.class)
class SqsReportRequestsContractTest extends ReportRequestsContract {

    private final EmulatorStack stack;
    private String queueUrl;

    SqsReportRequestsContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected ReportRequests newRequests() {
        queueUrl = stack.clients().sqs()
                .createQueue(b -> b.queueName(ContractQueues.uniqueName("contract-reports"))).queueUrl();
        return new SqsReportRequests(stack.clients().sqs(), queueUrl);
    }

    @Override
    protected List<String> receive(int expected) {
        return ContractQueues.receive(stack.clients().sqs(), queueUrl, expected, SqsReportRequests::caseIdFrom);
    }

    @AfterEach
    void deleteQueue() {
        if (queueUrl != null) {
            stack.clients().sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }
}
