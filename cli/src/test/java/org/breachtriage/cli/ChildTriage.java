package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs triage as a child JVM on this test's class path, through the same entry point as bin/triage,
 * so a test can SIGKILL it at a chosen moment: what {@code kill -9} does to a run on a laptop.
 */
final class ChildTriage {
    /** Exit status of a process ended by SIGKILL (128 + 9), as the JDK reports it. */
    static final int KILLED = 137;
    private static final long POLL_MILLIS = 1;
    private static final long MAX_RUN_SECONDS = 120;

    /** A moment in the child's work, seen from outside through the files it writes. */
    interface Moment {
        String name();

        boolean reached() throws IOException;
    }

    private final Path stateDir;
    private final Path logDir;
    private final Map<String, String> systemProperties;

    ChildTriage(Path stateDir, Path logDir) {
        this(stateDir, logDir, Map.of());
    }

    /** A child given these system properties ({@code -Dname=value}) besides bin/triage's own flags. */
    ChildTriage(Path stateDir, Path logDir, Map<String, String> systemProperties) {
        this.stateDir = stateDir;
        this.logDir = logDir;
        this.systemProperties = Map.copyOf(systemProperties);
    }

    /**
     * Starts {@code triage args} and kills it with SIGKILL as soon as {@code moment} is seen.
     * Fails if the child ends by itself first: then the moment was never inside the run.
     */
    void killAt(Moment moment, String... args) throws IOException, InterruptedException {
        Process child = start(args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_RUN_SECONDS);
        while (!moment.reached()) {
            if (!child.isAlive()) {
                fail("triage " + String.join(" ", args) + " ended (exit " + child.exitValue() + ") before the moment \""
                        + moment.name() + "\"; see " + logDir);
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("\"" + moment.name() + "\" not seen within " + MAX_RUN_SECONDS + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            fail("the killed child did not end");
        }
        if (child.exitValue() != KILLED) {
            fail("triage " + String.join(" ", args) + " ended with " + child.exitValue() + ", not by SIGKILL, at \""
                    + moment.name() + "\"");
        }
    }

    /** The java command line of triage on this test's class path (without arguments). */
    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TriageCommand.class.getName());
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        int beforeClassPath = command.indexOf("-cp");
        systemProperties.forEach((name, value) -> command.add(beforeClassPath, "-D" + name + "=" + value));
        command.addAll(List.of("--state-dir", stateDir.toString()));
        command.addAll(List.of(args));
        java.nio.file.Files.createDirectories(logDir);
        return new ProcessBuilder(command)
                .redirectOutput(logDir.resolve("stdout.txt").toFile())
                .redirectError(logDir.resolve("stderr.txt").toFile())
                .start();
    }
}
