package org.breachtriage.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.breachtriage.aws.testing.EmulatorStack;
import org.breachtriage.aws.testing.EmulatorStackExtension;
import org.breachtriage.aws.testing.FailBatchEntries;
import org.breachtriage.aws.testing.TestData;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.ManifestRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmulatorStackExtension.class)
class SqsBatchQueueTest {

    private static final Backoff FAST = new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(5));

    private final EmulatorStack stack;
    private final String caseId = TestData.uniqueId("case");
    /** A queue of this test's own, so counts are not disturbed by other tests. */
    private final String queueUrl;

    SqsBatchQueueTest(EmulatorStack stack) {
        this.stack = stack;
        this.queueUrl = stack.clients().sqs().createQueue(b -> b.queueName(TestData.uniqueId("batches"))).queueUrl();
    }

    private static List<RowBatch> batches(String caseId, int count) {
        List<RowBatch> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(TestData.batch(caseId, i, RowBatch.MAX_ROWS));
        }
        return batches;
    }

    private List<RowBatch> drain() {
        List<RowBatch> received = new ArrayList<>();
        new SqsBatchQueue(stack.clients().sqs(), queueUrl).drain(Duration.ZERO, received::add);
        received.sort(Comparator.comparingLong(RowBatch::batchNo));
        return received;
    }

    /** Equal batches, compared without printing thousands of rows when they differ. */
    private static void assertSameBatches(List<RowBatch> expected, List<RowBatch> actual) {
        List<Long> expectedNumbers = expected.stream().map(RowBatch::batchNo).toList();
        List<Long> actualNumbers = actual.stream().map(RowBatch::batchNo).sorted().toList();
        assertEquals(expectedNumbers, actualNumbers, "each batch exactly once");
        List<RowBatch> sorted = new ArrayList<>(actual);
        sorted.sort(Comparator.comparingLong(RowBatch::batchNo));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).equals(sorted.get(i)), "batch " + expected.get(i).batchNo() + " arrived changed");
        }
    }

    @Test
    void sends25FullBatchesInThreeRequestsAndTheyArriveIntact() {
        List<RowBatch> sent = batches(caseId, 25);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            new SqsBatchQueue(clients.sqs(), queueUrl).send(sent);

            assertEquals(3, counter.calls("SendMessageBatch"), "25 batches, 10 per request");
            assertEquals(10, counter.maxEntries("SendMessageBatch"));

            List<RowBatch> received = new ArrayList<>();
            int handled = new SqsBatchQueue(clients.sqs(), queueUrl).drain(Duration.ZERO, received::add);
            assertEquals(25, handled);
            received.sort(Comparator.comparingLong(RowBatch::batchNo));
            assertSameBatches(sent, received);
            assertTrue(counter.maxEntries("DeleteMessageBatch") <= 10);
        }
        assertEquals(0, drain().size(), "drain deleted what it handled");
    }

    @Test
    void aFullBatchIsWellUnderTheMessageLimitSoTenFitOneRequest() {
        int bytes = Json.write(TestData.batch(caseId, 0, RowBatch.MAX_ROWS)).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes * 10 <= SqsBatchQueue.MAX_REQUEST_BYTES,
                "a 100-row batch with long echo fields is " + bytes + " bytes; ten must fit in 256 KiB");
    }

    @Test
    void oversizedBatchesGoInSmallerRequestsInsteadOfFailing() {
        // Long echoed names make each batch ~95 KiB: two fit the 256 KiB request limit, three would not.
        String longName = "N".repeat(400);
        List<RowBatch> sent = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<ManifestRow> rows = new ArrayList<>();
            for (int r = 0; r < RowBatch.MAX_ROWS; r++) {
                rows.add(new ManifestRow(b * 100L + r + 1, "MP" + r, null, longName, longName, null, null));
            }
            sent.add(new RowBatch(caseId, "IN-00000000000000aa", b, TestData.incident(), rows));
        }
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(counter)) {
            new SqsBatchQueue(clients.sqs(), queueUrl).send(sent);
            assertEquals(3, counter.calls("SendMessageBatch"));
            assertEquals(2, counter.maxEntries("SendMessageBatch"));
        }
        assertSameBatches(sent, drain());
    }

    @Test
    void aBatchTooBigForOneMessageIsRefusedWithItsNumber() {
        String huge = "N".repeat(3000);
        List<ManifestRow> rows = new ArrayList<>();
        for (int r = 0; r < RowBatch.MAX_ROWS; r++) {
            rows.add(new ManifestRow(r + 1, "MP" + r, null, huge, huge, null, null));
        }
        RowBatch tooBig = new RowBatch(caseId, "IN-00000000000000aa", 7, TestData.incident(), rows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SqsBatchQueue(stack.clients().sqs(), queueUrl).send(List.of(tooBig)));
        assertTrue(e.getMessage().startsWith("batch 7 of case " + caseId), e.getMessage());
    }

    @Test
    void entriesReportedFailedAreSentAgain() {
        FailBatchEntries faults = new FailBatchEntries("b3", 1, false);
        RequestCounter counter = new RequestCounter();
        List<RowBatch> sent = batches(caseId, 12);
        try (AwsClients clients = stack.newClients(faults, counter)) {
            new SqsBatchQueue(clients.sqs(), queueUrl, FAST).send(sent);
            assertEquals(1, faults.failed());
            assertEquals(3, counter.calls("SendMessageBatch"), "10 + 2, and the failed entry once more");
        }
        assertSameBatches(sent, drain());
    }

    @Test
    void senderFaultsAreNotRetried() {
        FailBatchEntries faults = new FailBatchEntries("b1", -1, true);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SqsBatchQueue(clients.sqs(), queueUrl, FAST).send(batches(caseId, 3)));
            assertTrue(e.getMessage().contains("batch 1 of case " + caseId), e.getMessage());
            assertEquals(1, counter.calls("SendMessageBatch"));
        }
        drain();
    }

    @Test
    void persistentFailuresStopAfterTheBoundWithACount() {
        FailBatchEntries faults = new FailBatchEntries("b0", -1, false);
        RequestCounter counter = new RequestCounter();
        try (AwsClients clients = stack.newClients(faults, counter)) {
            IncompleteBatchException e = assertThrows(IncompleteBatchException.class,
                    () -> new SqsBatchQueue(clients.sqs(), queueUrl, FAST).send(batches(caseId, 2)));
            assertEquals(1, e.entriesLeft());
            assertTrue(e.getMessage().contains("refused 1 of 2 row batches"), e.getMessage());
            assertTrue(e.getMessage().contains("after 4 attempts; last error: InternalError"), e.getMessage());
            assertEquals(4, counter.calls("SendMessageBatch"));
        }
        drain();
    }
}
