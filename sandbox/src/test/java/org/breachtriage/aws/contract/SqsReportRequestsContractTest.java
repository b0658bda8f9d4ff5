package org.breachtriage.aws.contract;

import java.util.ArrayList;
import java.util.List;
import org.breachtriage.aws.SqsReportRequests;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.ports.ReportRequests;
import org.breachtriage.core.ports.contract.ReportRequestsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

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
        List<String> caseIds = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        int emptyReceives = 0;
        while (caseIds.size() < expected ? System.nanoTime() < deadline : emptyReceives < 1) {
            List<Message> messages = stack.clients().sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(expected == 0 ? 0 : 1)).messages();
            emptyReceives = messages.isEmpty() ? emptyReceives + 1 : 0;
            for (Message m : messages) {
                caseIds.add(SqsReportRequests.caseIdFrom(m.body()));
                stack.clients().sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return caseIds;
    }

    @AfterEach
    void deleteQueue() {
        if (queueUrl != null) {
            stack.clients().sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }
}
