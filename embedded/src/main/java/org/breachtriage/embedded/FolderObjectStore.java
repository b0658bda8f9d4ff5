package org.breachtriage.embedded;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.ports.ObjectStore;

/**
 * {@link ObjectStore} on a folder: key {@code a/b/c.csv} is the file {@code <root>/a/b/c.csv}, so a
 * manifest can simply be copied in, and reports can be opened where they are written.
 *
 * <p>Two folders under the root are the store's own and never keys: {@code .meta/} holds one
 * sidecar per object ({@code .meta/<key>.json}: content type and metadata), and {@code .tmp/} holds
 * files being written, which are moved into place atomically, so a reader never sees half an object.
 * Like S3, a prefix is a plain string prefix, not a folder ({@code reports/ca} lists
 * {@code reports/case-1/…}).
 */
public final class FolderObjectStore implements ObjectStore {
    private static final String META_DIR = ".meta";
    private static final String TMP_DIR = ".tmp";
    private static final String SIDECAR_SUFFIX = ".json";
    private static final ObjectWriter SIDECAR_WRITER = Json.MAPPER.writerFor(Sidecar.class);
    private static final ObjectReader SIDECAR_READER = Json.MAPPER.readerFor(Sidecar.class);

    /** Unique temporary names within this process (the pid makes them unique across processes). */
    private static final AtomicLong TMP_NAMES = new AtomicLong();

    private final Path root;
    private volatile boolean tmpDirReady;

    public FolderObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where the object with this key lives (or would live); the key is validated first. */
    public Path fileFor(String key) {
        return resolve(checkKey(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = fileFor(key);
        if (Files.isDirectory(file)) {
            throw new ObjectNotFoundException(key);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(key);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        // Size is counted from the bytes hashed, so both describe the same content even if a put
        // replaces the file meanwhile (the open stream keeps reading the old one).
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, String> metadata = readSidecar(key).map(Sidecar::metadata).orElse(Map.of());
        return Optional.of(new ObjectInfo(key, size, HexFormat.of().formatHex(sha256.digest()), metadata));
    }

    @Override
    public void put(String key, byte[] content, String contentType, Map<String, String> metadata) throws IOException {
        Path file = fileFor(key);
        // Sidecar first: once the new content is visible, its metadata already is. Without metadata
        // there is nothing for a sidecar to say (the content type is not read back), so none is
        // written, and an older one is removed: the release step writes thousands of letters a run.
        if (metadata == null || metadata.isEmpty()) {
            Files.deleteIfExists(sidecarFor(key));
        } else {
            writeAtomically(sidecarFor(key), SIDECAR_WRITER.writeValueAsBytes(new Sidecar(contentType,
                    Map.copyOf(metadata))), key);
        }
        writeAtomically(file, content, key);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        String checked = checkPrefix(prefix);
        int lastSlash = checked.lastIndexOf('/');
        Path start = lastSlash < 0 ? root : resolve(checked.substring(0, lastSlash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String key = keyOf(file);
                if (key.startsWith(checked) && !isReserved(key)) {
                    keys.add(key);
                }
            });
        }
        keys.sort(null);
        return keys;
    }

    /**
     * Writes a temporary file and renames it over the target, so a reader sees the old object or the
     * new one, never half of one. Few system calls per object: the release step writes one letter per
     * notice, thousands in a run.
     */
    private void writeAtomically(Path target, byte[] content, String key) throws IOException {
        Path tmpDir = root.resolve(TMP_DIR);
        if (!tmpDirReady) {
            Files.createDirectories(tmpDir);
            tmpDirReady = true;
        }
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot store object " + key + ": " + root.relativize(Path.of(e.getFile()))
                        + " is an object, not a folder", e);
            }
        }
        if (Files.isDirectory(target)) {
            throw new IOException("cannot store object " + key + ": other objects are stored under " + key + "/");
        }
        Path tmp = tmpDir.resolve("put-" + ProcessHandle.current().pid() + "-" + TMP_NAMES.incrementAndGet() + ".part");
        boolean moved = false;
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private Optional<Sidecar> readSidecar(String key) throws IOException {
        Path sidecar = sidecarFor(key);
        try {
            return Optional.of(SIDECAR_READER.readValue(Files.readAllBytes(sidecar)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // copied in by hand: no metadata
        } catch (IOException e) {
            throw new IOException("metadata file " + sidecar + " of object " + key + " is not readable: "
                    + e.getMessage(), e);
        }
    }

    private Path sidecarFor(String key) {
        return root.resolve(META_DIR).resolve(key + SIDECAR_SUFFIX);
    }

    private Path resolve(String checkedKey) {
        Path file = root.resolve(checkedKey).normalize();
        if (!file.startsWith(root)) { // belt and braces: checkKey already refuses anything that could escape
            throw new IllegalArgumentException("object key '" + checkedKey + "' resolves outside " + root);
        }
        return file;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isReserved(String key) {
        return key.startsWith(META_DIR + "/") || key.startsWith(TMP_DIR + "/");
    }

    static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key is empty");
        }
        checkSegments(key, "object key");
        if (key.endsWith("/")) {
            throw refuse("object key", key, "it ends with '/', which names a folder, not an object");
        }
        if (key.equals(META_DIR) || key.equals(TMP_DIR) || isReserved(key)) {
            throw refuse("object key", key, "'" + META_DIR + "/' and '" + TMP_DIR + "/' are the store's own folders");
        }
        return key;
    }

    /** A prefix may end part-way through a segment; the store's own folders are filtered out of listings. */
    static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        checkSegments(prefix, "prefix");
        return prefix;
    }

    private static void checkSegments(String key, String what) {
        if (key.startsWith("/") || key.startsWith("\\") || key.indexOf('\0') >= 0) {
            throw refuse(what, key, "keys are relative, '/'-separated paths (no leading '/' or '\\', no NUL)");
        }
        // A backslash is an ordinary character of a file name on Linux and macOS, so a manifest
        // called a\b.csv runs; segments are still cut at backslashes too, because Windows reads one
        // as a separator, and a\..\b.csv must not leave the store there.
        // Cut by hand, not with split's regular expression: a release checks one key per letter.
        int from = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i < key.length() && key.charAt(i) != '/' && key.charAt(i) != '\\') {
                continue;
            }
            int length = i - from;
            boolean dots = (length == 1 || length == 2) && key.startsWith("..".substring(0, length), from);
            if (dots) {
                throw refuse(what, key, "'" + key.substring(from, i) + "' segments are not allowed (they could leave"
                        + " the store)");
            }
            if (length == 0 && i < key.length()) {
                throw refuse(what, key, "it has an empty segment ('//')");
            }
            from = i + 1;
        }
    }

    private static IllegalArgumentException refuse(String what, String key, String why) {
        return new IllegalArgumentException(what + " '" + key + "' is not allowed: " + why);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The per-object sidecar. */
    record Sidecar(String contentType, Map<String, String> metadata) {
        Sidecar {
            metadata = metadata == null ? Map.of() : metadata;
        }
    }
}
