package org.breachtriage.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The heap a command over this state dir should be given, written into the state dir at each clean close for
 * {@code bin/triage}, which must choose {@code -Xmx} before the JVM starts and so before anyone can ask the
 * store how many staff it holds.
 *
 * <p>Why from the staff table: what a run keeps live is the staff snapshot (a fixed cost per person), the page
 * cache and the batches in flight; nothing grows with the manifest. A fixed bound is too big for a small roster
 * (G1 grows into whatever it is allowed on a long run, so a big manifest's run took more memory than a small
 * one's over the same roster) and too small for a big one (a million staff would leave no page cache). The
 * bound is the heap at which {@link EmbeddedState#cacheMbLeftBeside} gives the run a {@value #RUN_CACHE_MB} MB
 * page cache with the live set at half the heap (on G1; the serial collector, which the JVM picks on one CPU or
 * under 1,792 MB of memory, reports a survivor space less, and leaves a few MB less cache): 512 MB for the
 * benchmark's 250,000-person roster, the heap its in-JVM figures are measured on.
 *
 * <p>The file is a hint, not state: a missing, damaged or unwritable one only means bin/triage's default.
 */
final class HeapHint {
    /** Its name in the state dir. */
    static final String FILE = "heap-hint";
    /** The page cache a run gets at the hinted heap. */
    static final long RUN_CACHE_MB = 128;
    /** Never less: a command over an empty staff table still opens the store and folds batches. */
    static final long MIN_HEAP_MB = 384;
    private static final long ROUNDING_MB = 32;
    private static final Pattern FORM = Pattern.compile("[0-9]{1,7}m");

    private HeapHint() {
    }

    /** The bound for a staff table of this size, in MB: a multiple of 32, at least {@value #MIN_HEAP_MB}. */
    static long heapMbFor(long staffCount) {
        // whole MB, as the cache's sizing counts it, so that the cache it leaves is the one intended
        long snapshotMb = (staffCount * EmbeddedState.SNAPSHOT_BYTES_PER_PERSON) >> 20;
        long needed = 2 * (snapshotMb + EmbeddedState.OTHER_LIVE_MB + RUN_CACHE_MB);
        return Math.max(MIN_HEAP_MB, Math.ceilDiv(needed, ROUNDING_MB) * ROUNDING_MB);
    }

    /**
     * Writes the hint for the staff table's size, unless the file already says it. Replaced whole (written aside,
     * then renamed), so bin/triage never reads half a line. Never throws: a hint that cannot be written (a
     * full disk, something else in its place) leaves the next command on bin/triage's default bound, which is
     * what every command had before hints existed, and the store must still close.
     */
    static void write(Path stateDir, LongSupplier staffTableSize) {
        Path aside = stateDir.resolve(FILE + ".new");
        try {
            long staffCount = staffTableSize.getAsLong();
            String line = heapMbFor(staffCount) + "m";
            if (line.equals(firstLine(stateDir).orElse(null))) {
                return;
            }
            Files.writeString(aside, line + "\n# -Xmx for bin/triage: " + staffCount
                    + " staff at the last clean close (HeapHint)\n", StandardCharsets.US_ASCII);
            Files.move(aside, stateDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException | RuntimeException ignored) {
                // the hint's own leftover; the next write replaces it
            }
        }
    }

    /** The hinted bound ("512m"), if the state dir has a well-formed one. */
    static Optional<String> read(Path stateDir) {
        return firstLine(stateDir).filter(line -> FORM.matcher(line).matches());
    }

    /**
     * The file's first line, read as bin/triage reads it (its first 16 bytes, as Latin-1 so that no byte is
     * malformed); empty when there is no readable plain file, so that a damaged hint is written again.
     */
    private static Optional<String> firstLine(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] head = new byte[16];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return Optional.of(end < 0 ? text : text.substring(0, end));
    }
}
