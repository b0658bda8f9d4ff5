package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/startup-cache, the JVM start-up cache bin/triage uses on JDK 25 and later, on the CLI jar the build has
 * just made (a copy, so the repository's own cache is left alone): trained once from the demo, accepted by this
 * JVM for that jar, not retrained while it is current, not used once the jar is newer, ignored without a word
 * by a JVM it does not fit, and a failed training neither breaks the command nor repeats on every run.
 */
class StartupCacheIT {
    private static final Path JAR = Path.of(System.getProperty("triage.cli.jar", "target/triage.jar"));
    private static final Path SCRIPT = Path.of(System.getProperty("triage.repo.root", "..")).resolve("bin/startup-cache");
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;


    @BeforeAll
    static void needsJdk25() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, () -> "SKIPPED: AOT caches need JDK 25 or later; this JVM is "
                + Runtime.version() + ", and bin/triage uses no cache on it (nothing to test)");
        assertTrue(Files.isRegularFile(JAR), "the CLI jar is built before the integration tests: " + JAR);
    }

    @Test
    void trainsOnceIsAcceptedAndIsLeftAloneOnceTheJarChanges() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("triage.jar"));
        Path cache = Path.of(shell("startup_cache_path '" + jar + "'").out().strip());
        assertTrue(cache.startsWith(dir), cache.toString());
        assertEquals(0, shell("startup_cache_supported").exit(), "JDK " + Runtime.version() + " has AOT caches");

        FinishedProcess trained = shell("startup_cache_prepare '" + jar + "' '" + cache + "'");
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.err().contains("preparing the JVM start-up cache"), trained.err());
        assertTrue(Files.size(cache) > 1_000_000, "a cache of the demo's classes: " + Files.size(cache) + " bytes");
        try (var left = Files.list(cache.getParent())) {
            assertEquals(List.of(cache), left.toList(), "no partial file or training state dir left behind");
        }

        FinishedProcess again = shell("startup_cache_prepare '" + jar + "' '" + cache + "'");
        assertEquals("", again.err(), "a current cache is not made again");

        List<String> flags = flags(jar, cache);
        assertFalse(flags.isEmpty());
        // AOTMode=on makes the JVM fail where it cannot use the cache: this proves it maps it for this jar.
        FinishedProcess withCache = java(flags, List.of("-XX:AOTMode=on"), jar, "--version");
        assertEquals(0, withCache.exit(), withCache.err());
        assertTrue(withCache.out().startsWith("triage "), withCache.out());

        Path elsewhere = Files.copy(jar, dir.resolve("other.jar"));
        FinishedProcess misfit = java(flags, List.of(), elsewhere, "--version");
        assertEquals(0, misfit.exit(), misfit.err());
        assertEquals("", misfit.err(), "a cache that does not fit is ignored without a message");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(), flags(jar, cache), "a jar newer than its cache starts without it");
    }

    @Test
    void aFailedTrainingLeavesItsLogAndIsNotRetriedUntilTheJarChanges() throws Exception {
        Path notTheCli = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        Path cache = dir.resolve("cache/jdk.aot");
        FinishedProcess failed = shell("startup_cache_prepare '" + notTheCli + "' '" + cache + "'");
        assertEquals(0, failed.exit(), "the command goes on without a cache: " + failed.err());
        assertTrue(failed.err().contains("preparing"), failed.err());
        assertFalse(Files.exists(cache));
        assertTrue(Files.readString(cache.resolveSibling("jdk.aot.failed")).contains("Invalid or corrupt jarfile"),
                "the training's own output says why");
        assertEquals(List.of(), flags(notTheCli, cache));

        assertEquals("", shell("startup_cache_prepare '" + notTheCli + "' '" + cache + "'").err(), "not retried");
        Files.setLastModifiedTime(notTheCli, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(shell("startup_cache_prepare '" + notTheCli + "' '" + cache + "'").err().contains("preparing"),
                "retried once the jar has changed");
    }

    @Test
    void turnedOffByTheEnvironmentAndABadSettingIsNamed() throws Exception {
        List<String> supported = List.of("bash", "-c", ". '" + SCRIPT + "' && startup_cache_supported");
        for (String off : List.of("0", "false", "no", "off")) {
            assertEquals(1, run(supported, off).exit(), off);
        }
        assertEquals(0, run(supported, "1").exit());
        FinishedProcess odd = run(supported, "maybe");
        assertEquals(0, odd.exit(), "a setting it does not know leaves the cache on");
        assertTrue(odd.err().contains("TRIAGE_STARTUP_CACHE is 'maybe', not 0 or 1; the start-up cache stays on"),
                odd.err());
    }

    /** Ctrl-C in the middle of the training: the terminal's SIGINT reaches the whole process group. */
    @Test
    void anInterruptedTrainingLeavesNoPartialFileAndNoFailureMarker() throws Exception {
        Path jar = Files.copy(JAR, dir.resolve("triage.jar"));
        Path cache = dir.resolve("startup-cache/jdk.aot");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-c", ". '" + SCRIPT + "'; startup_cache_prepare '"
                + jar + "' '" + cache + "'").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("interrupted.log").toFile());
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        builder.environment().put("TMPDIR", scratch.toString()); // where mktemp makes the training's state dir
        Process training = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(cache.resolveSibling("jdk.aot." + training.pid() + ".partial.config"))
                && !hasChildren(scratch) && training.isAlive()) {
            assertTrue(System.nanoTime() < deadline, "the training never started");
            Thread.sleep(20);
        }
        assertTrue(training.isAlive(), "interrupted in the middle, not after: " + Files.readString(dir.resolve("interrupted.log")));
        Thread.sleep(1_000); // into the demo
        assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + training.pid()).start().waitFor());
        assertTrue(training.waitFor(2, TimeUnit.MINUTES), "the interrupted training ended");
        try (var left = Files.list(cache.getParent())) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains(".partial") || n.endsWith(".failed")),
                    "no partial file and no failure marker (the next command trains again): " + names);
        }
        assertFalse(hasChildren(scratch), "the training's scratch state dir is gone");
    }

    private static boolean hasChildren(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            return children.findAny().isPresent();
        }
    }

    @Test
    void theLeftoversOfAKilledTrainingAreRemovedAndOnlyThose() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("startup-cache")).resolve("jdk.aot");
        Path dead = Files.writeString(cache.resolveSibling("jdk.aot.999999999.partial.config"), "left by a kill -9");
        Process alive = new ProcessBuilder("sleep", "30").start();
        try {
            Path live = Files.writeString(cache.resolveSibling("jdk.aot." + alive.pid() + ".partial"), "still training");
            assertEquals(0, shell("startup_cache_drop_orphans '" + cache + "'").exit());
            assertFalse(Files.exists(dead), "a dead training's file goes");
            assertTrue(Files.exists(live), "a live training's file stays");
        } finally {
            alive.destroyForcibly();
        }
    }

    private List<String> flags(Path jar, Path cache) throws Exception {
        String out = shell("startup_cache_flags '" + jar + "' '" + cache + "'").out().strip();
        return out.isEmpty() ? List.of() : List.of(out.split(" "));
    }

    private FinishedProcess shell(String call) throws Exception {
        return run(List.of("bash", "-c", "set -euo pipefail; . '" + SCRIPT + "'; " + call), null);
    }

    private FinishedProcess java(List<String> flags, List<String> more, Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(JAVA_HOME.resolve("bin/java").toString());
        command.addAll(flags);
        command.addAll(more);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return run(command, null);
    }

    private FinishedProcess run(List<String> command, String startupCacheSetting) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (startupCacheSetting != null) {
            builder.environment().put("TRIAGE_STARTUP_CACHE", startupCacheSetting);
        }
        return FinishedProcess.run(builder, dir);
    }
}
