package org.breachtriage.aws.contract;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.breachtriage.aws.SqsBatchQueue;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.contract.BatchQueueContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch-queue contract on SQS (fauxqs). Each test gets a queue of its own, deleted afterwards,
 * so what it drains is only its own traffic; the consumer side is {@link SqsBatchQueue#drain}, the
 * same receive-then-delete loop {@code triage --aws process} uses.
 */
@ExtendWith(EmulatorStackExtension.class)
class SqsBatchQueueContractTest extends BatchQueueContract {

    private final EmulatorStack stack;
    private final List<RowBatch> received = new CopyOnWriteArrayList<>();
    private String queueUrl;

    SqsBatchQueueContractTest(EmulatorStack stack) {
        this.stack = stack;
    }

    @Override
    protected BatchQueue newQueue() {
        queueUrl = stack.clients().sqs()
                .createQueue(b -> b.queueName(ContractQueues.uniqueName("contract-batches"))).queueUrl();
        return new SqsBatchQueue(stack.clients().sqs(), queueUrl);
    }

    @Override
    protected Collection<RowBatch> receiveAll(BatchQueue queue) {
        ((SqsBatchQueue) queue).drain(Duration.ZERO, received::add);
        return List.copyOf(received);
    }

    @AfterEach
    void deleteQueue() {
        if (queueUrl != null) {
            stack.clients().sqs().deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }
}
