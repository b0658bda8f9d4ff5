package org.breachtriage.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.BatchQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link BatchQueue} on an SQS queue: each {@link RowBatch} is one message whose body is the batch as
 * JSON. Sends use SendMessageBatch with at most 10 entries and 256 KiB per request; entries SQS
 * reports as failed (an HTTP 200 with a {@code Failed} list) are sent again with {@link Backoff},
 * except sender faults, which no retry can fix.
 */
public final class SqsBatchQueue implements BatchQueue {

    public static final int MAX_ENTRIES = 10;
    /**
     * SQS raised its limit to 1 MiB in 2025, but older endpoints and emulators still enforce 256 KiB per
     * message and per request; a 100-row batch is about 20 KiB, so 10 of them fit the smaller limit.
     */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Backoff backoff;

    public SqsBatchQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Backoff.DEFAULT);
    }

    public SqsBatchQueue(SqsClient sqs, String queueUrl, Backoff backoff) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.backoff = backoff;
    }

    @Override
    public void send(List<RowBatch> batches) {
        List<Outgoing> outgoing = new ArrayList<>(batches.size());
        for (RowBatch batch : batches) {
            String body = Json.write(batch);
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("batch " + batch.batchNo() + " of case " + batch.caseId() + " is "
                        + bytes + " bytes as JSON, over the " + MAX_REQUEST_BYTES + "-byte SQS message limit");
            }
            outgoing.add(new Outgoing(batch, body, bytes));
        }
        for (List<Outgoing> request : BatchPacker.pack(outgoing, MAX_ENTRIES, MAX_REQUEST_BYTES, Outgoing::bytes)) {
            sendWithRetries(request);
        }
    }

    /**
     * Receives until the queue answers empty, handing each batch to {@code consumer} and deleting it
     * afterwards (so a consumer that throws leaves its message to come back after the visibility
     * timeout). Each receive waits up to {@code wait} for messages (long polling).
     *
     * @return how many batches were handed over
     */
    public int drain(Duration wait, Consumer<RowBatch> consumer) {
        int waitSeconds = (int) Math.min(20, Math.max(0, wait.toSeconds()));
        int handled = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(MAX_ENTRIES).waitTimeSeconds(waitSeconds)).messages();
            if (messages.isEmpty()) {
                return handled;
            }
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message message : messages) {
                consumer.accept(parse(message));
                handled++;
                deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id("d" + deletes.size()).receiptHandle(message.receiptHandle()).build());
            }
            DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
            if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
                // The batches were handled; they will come back after the visibility timeout, and
                // scoring is idempotent, so this costs time, not correctness.
                throw new IllegalStateException(deleted.failed().size() + " of " + deletes.size()
                        + " handled messages could not be deleted from " + queueUrl + ": " + describe(deleted.failed().get(0)));
            }
        }
    }

    private RowBatch parse(Message message) {
        try {
            return Json.read(message.body(), RowBatch.class);
        } catch (RuntimeException e) {
            // Left on the queue: after its receive limit SQS moves it to the dead-letter queue.
            throw new IllegalStateException("message " + message.messageId() + " on " + queueUrl + " is not a row batch", e);
        }
    }

    private void sendWithRetries(List<Outgoing> request) {
        Map<String, Outgoing> pending = new LinkedHashMap<>();
        for (Outgoing o : request) {
            pending.put("b" + pending.size(), o);
        }
        BatchResultErrorEntry lastFailure = null;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > backoff.maxAttempts()) {
                throw new IncompleteBatchException("SQS refused " + pending.size() + " of " + request.size()
                        + " row batches for " + queueUrl + " after " + backoff.maxAttempts() + " attempts; last error: "
                        + describe(lastFailure), pending.size());
            }
            if (attempt > 1) {
                backoff.pauseBeforeRetry(attempt - 1);
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            pending.forEach((id, o) -> entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(o.body()).build()));
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            Map<String, Outgoing> failed = new LinkedHashMap<>();
            for (BatchResultErrorEntry error : response.failed()) {
                Outgoing o = pending.get(error.id());
                if (o == null) {
                    continue;
                }
                if (Boolean.TRUE.equals(error.senderFault())) {
                    throw new IllegalArgumentException("SQS refused batch " + o.batch().batchNo() + " of case "
                            + o.batch().caseId() + " for " + queueUrl + ": " + describe(error));
                }
                failed.put(error.id(), o);
                lastFailure = error;
            }
            pending = failed;
        }
    }

    private static String describe(BatchResultErrorEntry error) {
        return error == null ? "none reported" : error.code() + " " + error.message();
    }

    private record Outgoing(RowBatch batch, String body, int bytes) {
    }
}
