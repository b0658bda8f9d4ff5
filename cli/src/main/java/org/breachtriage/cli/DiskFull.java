package org.breachtriage.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a full disk apart from other failures, wherever in a chain of causes (and suppressed
 * exceptions: try-with-resources puts the store's close failure there) the operating system's
 * "No space left on device" is. The exceptions that carry it (MVStore's, an object write's, a topic
 * append's) each say something different and none says what to do.
 */
final class DiskFull {
    /** What Linux and macOS say for ENOSPC and EDQUOT; the JDK passes the C library's text on. */
    private static final List<String> REASONS = List.of("No space left on device", "Disk quota exceeded");
    private static final int MAX_SEEN = 64;

    private DiskFull() {
    }

    /** The operating system's words if {@code failure} comes from a full disk. */
    static Optional<String> reason(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty() && seen.size() < MAX_SEEN) {
            Throwable t = next.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof IOException) {
                String text = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
                for (String reason : REASONS) {
                    if (text != null && text.contains(reason)) {
                        return Optional.of(reason);
                    }
                }
            }
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                next.push(suppressed);
            }
        }
        return Optional.empty();
    }

    /** One line that says what happened and what to do. */
    static String message(String reason, String where) {
        return "the disk is full (" + reason + ") writing to " + where + ". Nothing accepted is lost: free some space,"
                + " then run the same command again; it carries on where it stopped.";
    }
}
