package org.breachtriage.core.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.breachtriage.core.ports.ObjectStore;

/** {@link ObjectStore} in a map, for core's tests; the version is a hash of the content, as a folder's is. */
public final class InMemoryObjectStore implements ObjectStore {
    private record Stored(byte[] content, Map<String, String> metadata) {
    }

    private final TreeMap<String, Stored> objects = new TreeMap<>();

    @Override
    public synchronized InputStream open(String key) throws ObjectNotFoundException {
        Stored stored = objects.get(key);
        if (stored == null) {
            throw new ObjectNotFoundException(key);
        }
        return new ByteArrayInputStream(stored.content());
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String key) {
        Stored stored = objects.get(key);
        return stored == null ? Optional.empty()
                : Optional.of(new ObjectInfo(key, stored.content().length, hash(stored.content()), stored.metadata()));
    }

    @Override
    public synchronized void put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        objects.put(key, new Stored(content.clone(), Map.copyOf(metadata)));
    }

    @Override
    public synchronized List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** An object's text, for assertions. */
    public synchronized String text(String key) {
        Stored stored = objects.get(key);
        return stored == null ? null : new String(stored.content(), StandardCharsets.UTF_8);
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
