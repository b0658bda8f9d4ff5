package org.breachtriage.core.ports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where manifests arrive and where rejects, reports and drafts are written. Keys use '/' as the
 * separator (e.g. {@code manifests/acme/2023-08.csv}, {@code reports/<caseId>/ico-art33.md}).
 */
public interface ObjectStore {

    /** Streams an object; never loads it whole. Throws {@link ObjectNotFoundException} if absent. */
    InputStream open(String key) throws IOException;

    Optional<ObjectInfo> head(String key) throws IOException;

    void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException;

    /** Keys under a prefix, in lexical order. */
    List<String> list(String prefix) throws IOException;

    /** {@code version} is the S3 version id or ETag, or a content hash for a folder store. */
    record ObjectInfo(String key, long size, String version, Map<String, String> metadata) {
        public ObjectInfo {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    class ObjectNotFoundException extends IOException {
        public ObjectNotFoundException(String key) {
            super("no object at " + key);
        }
    }
}
