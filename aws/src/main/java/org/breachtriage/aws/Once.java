package org.breachtriage.aws;

import java.util.function.Supplier;

/**
 * A value built once, on first use, thread-safely: the SDK clients ({@link AwsClients}) and the adapters
 * over them ({@link OnFirstUse}), whose construction costs classes and milliseconds on a cold start
 * that a handler may never need.
 */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Once(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The value if it was built, forgotten so that a later {@link #get} builds it again; null if never built. */
    synchronized T clear() {
        T v = value;
        value = null;
        return v;
    }
}
