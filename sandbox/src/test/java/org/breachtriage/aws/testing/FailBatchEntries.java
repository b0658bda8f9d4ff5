package org.breachtriage.aws.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Makes one entry of SQS SendMessageBatch / SNS PublishBatch fail the way the services report it: an
 * HTTP 200 whose {@code Failed} list names the entry. The entry is taken out of the request before it
 * is sent (so it really is not delivered, unless it is alone) and reported failed in the response. Fails the first
 * {@code times} requests that contain the entry id; a negative number means always.
 */
public final class FailBatchEntries implements ExecutionInterceptor {

    private static final ExecutionAttribute<String> DROPPED = new ExecutionAttribute<>("FailBatchEntries.dropped");

    private final String entryId;
    private final AtomicInteger timesLeft;
    private final boolean always;
    private final boolean senderFault;
    private final AtomicInteger failed = new AtomicInteger();

    public FailBatchEntries(String entryId, int times, boolean senderFault) {
        this.entryId = entryId;
        this.timesLeft = new AtomicInteger(times);
        this.always = times < 0;
        this.senderFault = senderFault;
    }

    public int failed() {
        return failed.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        // A request holding only this entry cannot lose it (SQS and SNS refuse empty batches): it is then
        // sent as it is and only reported failed, which is all a test of the retry bound needs.
        if (request instanceof SendMessageBatchRequest r && shouldFail(r.entries().stream().map(e -> e.id()).toList())) {
            attributes.putAttribute(DROPPED, entryId);
            return r.entries().size() < 2 ? r
                    : r.toBuilder().entries(r.entries().stream().filter(e -> !e.id().equals(entryId)).toList()).build();
        }
        if (request instanceof PublishBatchRequest r && shouldFail(r.publishBatchRequestEntries().stream().map(e -> e.id()).toList())) {
            attributes.putAttribute(DROPPED, entryId);
            return r.publishBatchRequestEntries().size() < 2 ? r : r.toBuilder().publishBatchRequestEntries(
                    r.publishBatchRequestEntries().stream().filter(e -> !e.id().equals(entryId)).toList()).build();
        }
        return request;
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(DROPPED) == null) {
            return context.response();
        }
        failed.incrementAndGet();
        if (context.response() instanceof SendMessageBatchResponse r) {
            List<software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry> errors = new ArrayList<>(r.failed());
            errors.add(software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry.builder()
                    .id(entryId).code(senderFault ? "InvalidParameterValue" : "InternalError")
                    .message("injected by the test").senderFault(senderFault).build());
            return r.toBuilder().failed(errors).build();
        }
        PublishBatchResponse r = (PublishBatchResponse) context.response();
        List<software.amazon.awssdk.services.sns.model.BatchResultErrorEntry> errors = new ArrayList<>(r.failed());
        errors.add(software.amazon.awssdk.services.sns.model.BatchResultErrorEntry.builder()
                .id(entryId).code(senderFault ? "InvalidParameter" : "InternalError")
                .message("injected by the test").senderFault(senderFault).build());
        return r.toBuilder().failed(errors).build();
    }

    private boolean shouldFail(List<String> ids) {
        if (!ids.contains(entryId)) {
            return false;
        }
        return always || timesLeft.getAndDecrement() > 0;
    }
}
