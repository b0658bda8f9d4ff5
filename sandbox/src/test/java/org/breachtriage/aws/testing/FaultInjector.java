package org.breachtriage.aws.testing;

import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects one kind of fault into chosen calls of an SDK client, per attempt (the SDK's own retries
 * pass through here again): from the {@code skip + 1}-th matching attempt on, {@code times}
 * consecutive matching attempts are faulted, then the calls go through untouched.
 *
 * <ul>
 *   <li>{@link Kind#THROTTLE} and {@link Kind#SERVER_ERROR}: the request never reaches the emulator; the
 *       SDK sees the service exception a throttled or failing service returns (HTTP 400 with a throttling
 *       code, HTTP 500), which it retries with backoff.</li>
 *   <li>{@link Kind#RESPONSE_LOST}: the request reaches the emulator and does its work, then the answer is
 *       lost (a socket read timeout), which the SDK retries: the write lands twice, or a conditional write
 *       finds its own first attempt in the way.</li>
 *   <li>{@link Kind#CRASH_BEFORE} and {@link Kind#CRASH_AFTER}: the function dies at this call, before
 *       the request is sent or after it landed unseen. An exception the SDK does not retry, so it ends
 *       the handler's work on the message there, as a Lambda that timed out or ran out of memory would;
 *       the event source then delivers the message again.</li>
 * </ul>
 */
public final class FaultInjector implements ExecutionInterceptor {

    public enum Kind { THROTTLE, SERVER_ERROR, RESPONSE_LOST, CRASH_BEFORE, CRASH_AFTER }

    /** Which calls: an SDK operation name ({@code PutItem}, {@code PublishBatch}, …) and a test on the request. */
    public record Point(String label, String operation, Predicate<SdkRequest> matches) {
        public boolean test(String op, SdkRequest request) {
            return operation.equals(op) && matches.test(request);
        }
    }

    /** Thrown for a crash: nothing the SDK or the handler's own retries would take for a passing fault. */
    public static final class InjectedCrash extends RuntimeException {
        InjectedCrash(String message) {
            super(message);
        }
    }

    private final Point point;
    private final Kind kind;
    private final int skip;
    private final int times;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    public FaultInjector(Point point, Kind kind, int skip, int times) {
        this.point = point;
        this.kind = kind;
        this.skip = skip;
        this.times = times;
    }

    /** Faults injected so far: a test whose fault never fired proves nothing. */
    public int injected() {
        return injected.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (kind == Kind.RESPONSE_LOST || kind == Kind.CRASH_AFTER || !due(context.request(), attributes)) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        switch (kind) {
            case THROTTLE -> throw AwsServiceException.builder().statusCode(400)
                    .message("Rate exceeded (injected)")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName(service)
                            .errorCode(throttlingCode(service)).errorMessage("Rate exceeded (injected)").build())
                    .build();
            case SERVER_ERROR -> throw AwsServiceException.builder().statusCode(500)
                    .message("We encountered an internal error (injected)")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName(service)
                            .errorCode("InternalFailure").errorMessage("internal error (injected)").build())
                    .build();
            default -> throw new InjectedCrash("injected: the function died before " + point.label());
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if ((kind != Kind.RESPONSE_LOST && kind != Kind.CRASH_AFTER) || !due(context.request(), attributes)) {
            return;
        }
        if (context.httpResponse().statusCode() >= 300) {
            return; // the service refused it: nothing landed, so there is no answer worth losing
        }
        if (kind == Kind.CRASH_AFTER) {
            throw new InjectedCrash("injected: the function died after " + point.label() + " landed");
        }
        throw SdkClientException.builder().message("Read timed out (injected after the request landed)")
                .cause(new SocketTimeoutException("Read timed out")).build();
    }

    private boolean due(SdkRequest request, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!point.test(operation, request)) {
            return false;
        }
        int n = matched.getAndIncrement();
        if (n < skip || n >= skip + times) {
            return false;
        }
        injected.incrementAndGet();
        return true;
    }

    /** The error code each service throttles with; the SDK retries every one of them as throttling. */
    private static String throttlingCode(String service) {
        return switch (service == null ? "" : service) {
            case "DynamoDb" -> "ProvisionedThroughputExceededException";
            case "Sqs" -> "RequestThrottled";
            default -> "Throttling";
        };
    }

    @Override
    public String toString() {
        return kind + " at " + point.label();
    }
}
