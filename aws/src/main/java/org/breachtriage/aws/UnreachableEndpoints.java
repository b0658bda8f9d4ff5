package org.breachtriage.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names the service and the endpoint when a call could not reach it at all. The SDK's own message is
 * "Unable to execute HTTP request: Connection refused", which says neither which of five services
 * failed nor where it was sent; with an emulator down or a mistyped {@code --endpoint-url}, that is
 * the one thing the reader needs. The exception stays an {@link SdkClientException} (its cause kept),
 * so whoever classifies failures still sees a client-side failure; only the words change.
 */
public final class UnreachableEndpoints implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String reason = unreachable(failure);
        if (!(failure instanceof SdkClientException) || reason == null) {
            return failure;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String endpoint = context.httpRequest()
                .map(request -> request.protocol() + "://" + request.host() + (request.port() > 0 ? ":" + request.port() : ""))
                .orElseGet(() -> {
                    URI configured = attributes.getAttribute(SdkExecutionAttribute.CLIENT_ENDPOINT);
                    return configured == null ? "(endpoint unknown)" : configured.toString();
                });
        return SdkClientException.builder()
                .message("cannot reach " + (service == null ? "the AWS service" : service) + " at " + endpoint + ": " + reason
                        + " (is the endpoint right, and is the service or emulator running?)")
                .cause(failure)
                .build();
    }

    /** Why a failure means the endpoint was never reached, or null when it was (or the cause is unknown). */
    static String unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
                return "connection timed out";
            }
        }
        return null;
    }
}
