package org.breachtriage.aws.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Keeps every request of one type as the SDK is about to send it, to check what an emulator ignores. */
public final class RequestCapture<T extends SdkRequest> implements ExecutionInterceptor {
    private final Class<T> type;
    private final List<T> captured = new CopyOnWriteArrayList<>();

    public RequestCapture(Class<T> type) {
        this.type = type;
    }

    public List<T> captured() {
        return List.copyOf(captured);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (type.isInstance(context.request())) {
            captured.add(type.cast(context.request()));
        }
    }
}
