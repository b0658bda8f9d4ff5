package org.breachtriage.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.breachtriage.core.ports.ObjectStore;

/**
 * An {@link ObjectStore} that hands every call to another: tests and the benchmark's floor override the one
 * call they change (letters that fail on a full disk, letters dropped), and the rest behaves as the store does.
 */
public class DelegatingObjectStore implements ObjectStore {
    private final ObjectStore delegate;

    public DelegatingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        return delegate.head(key);
    }

    @Override
    public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
        delegate.put(key, content, contentType, metadata);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }
}
