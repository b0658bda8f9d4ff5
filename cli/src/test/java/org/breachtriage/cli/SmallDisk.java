package org.breachtriage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A state directory on a filesystem that fills: a tmpfs of a chosen size, mounted in a user and mount
 * namespace of the test's own ({@code unshare -Urm}), so it needs no privilege and vanishes with the
 * namespace. Inside it: copy the imported store in, run triage as a child until it fails, note how
 * long after the disk filled it ended, grow the tmpfs (space returns), run the same command again,
 * and copy the state directory out for the test to read.
 */
final class SmallDisk {
    private static final long PAGE = 4096;
    /** The script's exit status when the namespace or the mount cannot be made here. */
    private static final int CANNOT_MOUNT = 90;
    private static final String SCRIPT = """
            set -u
            mnt=$1; size=$2; store=$3; out=$4; shift 4
            mkdir -p "$mnt" "$out/state"
            mount -t tmpfs -o size="$size" tmpfs "$mnt" || exit %d
            cp "$store" "$mnt/triage.mv.db"
            start=$(date +%%s%%N)
            timeout 120 "$@" --state-dir "$mnt" > "$out/first.out" 2> "$out/first.err" &
            pid=$!
            full=0
            while kill -0 "$pid" 2>/dev/null; do
              if [ "$full" = 0 ] && [ "$(df --output=avail "$mnt" | tail -1 | tr -d ' ')" -lt 64 ]; then full=$(date +%%s%%N); fi
              sleep 0.02
            done
            wait "$pid"; rc=$?
            end=$(date +%%s%%N)
            echo "$rc $start $full $end" > "$out/first.status"
            mount -o remount,size=1024m "$mnt"
            timeout 120 "$@" --state-dir "$mnt" > "$out/resume.out" 2> "$out/resume.err"
            echo $? > "$out/resume.status"
            cp -a "$mnt/." "$out/state/"
            """.formatted(CANNOT_MOUNT);

    private SmallDisk() {
    }

    /**
     * What happened: the failing run's exit, stderr and wall time, how long after df first showed the
     * disk full it ended (NaN when df never saw it: the write that failed was larger than the space
     * left), and the resume.
     */
    record Result(int firstExit, String firstErr, double firstSeconds, double secondsAfterFull, int resumeExit,
                  String resumeErr, Path state) {
    }

    /** Runs {@code triage args} on a {@code bytes}-sized tmpfs, then again on a grown one. */
    static Result runThenGrow(Path mountPoint, long bytes, Path importedStore, Path out, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "-Urm", "bash", "-c", SCRIPT, "small-disk",
                mountPoint.toString(), String.valueOf(bytes), importedStore.toString(), out.toString()));
        command.addAll(ChildTriage.javaCommand());
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return skip("unshare cannot be started (" + e.getMessage() + ")");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the small-disk script did not end: " + output);
        }
        if (process.exitValue() == CANNOT_MOUNT || !Files.exists(out.resolve("first.status"))) {
            return skip("this machine cannot mount a tmpfs in a user namespace (unshare -Urm): " + output.strip());
        }
        String[] first = Files.readString(out.resolve("first.status")).trim().split(" ");
        long start = Long.parseLong(first[1]);
        long full = Long.parseLong(first[2]);
        long end = Long.parseLong(first[3]);
        return new Result(Integer.parseInt(first[0]), Files.readString(out.resolve("first.err")), (end - start) / 1e9,
                full == 0 ? Double.NaN : (end - full) / 1e9,
                Integer.parseInt(Files.readString(out.resolve("resume.status")).trim()),
                Files.readString(out.resolve("resume.err")), out.resolve("state"));
    }

    private static Result skip(String why) {
        System.out.println("SKIPPED disk-full test: " + why);
        Assumptions.abort("skipped: " + why);
        throw new AssertionError("unreachable");
    }

    /** What a directory's files take on a tmpfs: whole pages each. */
    static long pages(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return (Files.size(f) + PAGE - 1) / PAGE * PAGE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
