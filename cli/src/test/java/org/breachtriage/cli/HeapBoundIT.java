package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/heap-bound, which bin/triage sources: the heap a command is given comes from the heap-hint the store left
 * in the state dir the command will use (found as TriageCommand finds it), 640m where there is none or it is
 * damaged, and at least 640m for a staff import; the heap starts at that bound unless TRIAGE_JAVA_OPTS sizes it;
 * and bin/triage really starts the JVM so.
 */
class HeapBoundIT {
    private static final Path REPO = Path.of(System.getProperty("triage.repo.root", ".."));
    private static final Path SCRIPT = REPO.resolve("bin/heap-bound");

    @TempDir
    Path dir;


    @Test
    void theStateDirIsFoundAsTheCliFindsIt() throws Exception {
        Path named = hinted("named", "512m");
        Path other = hinted("other", "448m");
        Path home = hinted("home", "416m");
        Map<String, String> withHome = Map.of("TRIAGE_HOME", home.toString());
        assertEquals("512m", bound(withHome, "--state-dir", named.toString(), "run", "m.csv"));
        assertEquals("512m", bound(withHome, "run", "--state-dir=" + named, "m.csv"), "the option is inherited");
        assertEquals("448m", bound(withHome, "--state-dir", named.toString(), "incidents", "--state-dir", other.toString()),
                "given at two levels, the later one counts (picocli's inherited option)");
        assertEquals("416m", bound(withHome, "run", "m.csv"), "$TRIAGE_HOME");
        assertEquals("416m", bound(withHome, "run", "--", "--state-dir", named.toString()),
                "after --, a manifest's name, not the option");
        assertEquals(".", call("heap_bound_state_dir", withHome, "--state-dir=", "run"), "empty: the working directory");
        // ~/.breach-triage as Java's user.home has it (the account's home), even where $HOME says otherwise.
        String userHome = Path.of(System.getProperty("user.home"), ".breach-triage").toString();
        for (String blank : List.of(" ", "\t")) {
            assertEquals(userHome, call("heap_bound_state_dir", Map.of("TRIAGE_HOME", blank, "HOME", dir.toString()), "run"),
                    "a blank TRIAGE_HOME is not a state dir");
        }
    }

    @Test
    void noHintOrADamagedOneGivesTheDefaultAndAStaffImportNeverLess() throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString());
        Path empty = Files.createDirectories(dir.resolve("new"));
        assertEquals("640m", bound(env, "--state-dir", empty.toString(), "run", "m.csv"), "a new state dir");
        assertEquals("640m", bound(env, "--state-dir", hinted("damaged", "lots of memory").toString(), "status"));
        assertEquals("640m", bound(env, "--state-dir", hinted("flag", "-Xmx2g").toString(), "status"),
                "only a size is taken, never another JVM option");
        assertEquals("640m", bound(env, "--state-dir", hinted("tiny", "1m").toString(), "status"),
                "well-formed but under the floor: damaged (an -Xmx1m JVM would not start)");
        Path notAFile = Files.createDirectories(dir.resolve("dir-hint/heap-hint")).getParent();
        assertEquals("640m", bound(env, "--state-dir", notAFile.toString(), "status"), "not a plain file: nothing read, nothing said");
        Path small = hinted("small", "384m");
        assertEquals("384m", bound(env, "--state-dir", small.toString(), "run", "m.csv"));
        assertEquals("640m", bound(env, "--state-dir", small.toString(), "staff", "import", "roster.csv"),
                "an import holds the whole new roster");
        assertEquals("640m", bound(env, "staff", "--state-dir", small.toString(), "import", "roster.csv"));
        assertEquals("896m", bound(env, "--state-dir", hinted("big", "896m").toString(), "staff", "import", "r.csv"),
                "a bigger hint stands for an import too");
    }

    @Test
    void theHeapStartsAtTheBoundUnlessTheJavaOptionsSizeIt() throws Exception {
        Path state = hinted("state", "448m");
        Map<String, String> env = Map.of("HOME", dir.toString());
        assertEquals("-Xms448m -Xmx448m", flags(env, "--state-dir", state.toString(), "run", "m.csv"));
        assertEquals("-Xms700m -Xmx700m", flags(Map.of("TRIAGE_HEAP", "700m"), "--state-dir", state.toString(), "run"));
        for (String sized : List.of("-Xmx256m", "-Xms64m", "-XX:+UseG1GC -XX:MaxHeapSize=300m", "-XX:InitialHeapSize=1g",
                "-XX:+UseG1GC\t-Xmx256m", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=2g")) {
            assertEquals("", flags(Map.of("TRIAGE_JAVA_OPTS", sized), "--state-dir", state.toString(), "run"), sized);
        }
        for (String other : List.of("-XX:+PrintCommandLineFlags", "-Dnote=-XX:MaxHeapSize=1m", "-Xlog:gc*")) {
            assertEquals("-Xms448m -Xmx448m", flags(Map.of("TRIAGE_JAVA_OPTS", other), "--state-dir", state.toString(), "run"),
                    "other options leave the heap to the hint: " + other);
        }
    }

    @Test
    void binTriageStartsTheJvmWithTheBoundAndTheJavaOptionsCanReplaceIt() throws Exception {
        Path state = hinted("state", "448m");
        long mb = 1024L * 1024;
        FinishedProcess hinted = triage(Map.of(), "", "--state-dir", state.toString(), "--version");
        assertEquals(0, hinted.exit(), hinted.err());
        assertTrue(hinted.out().contains("-XX:MaxHeapSize=" + 448 * mb), hinted.out());
        assertTrue(hinted.out().contains("-XX:InitialHeapSize=" + 448 * mb), hinted.out());
        FinishedProcess overridden = triage(Map.of("TRIAGE_HEAP", "700m"), "", "--state-dir", state.toString(), "--version");
        assertEquals(0, overridden.exit(), overridden.err());
        assertTrue(overridden.out().contains("-XX:MaxHeapSize=" + 700 * mb), overridden.out());
        // A smaller -Xmx than the hint: the JVM would refuse to start beside an -Xms of the hint's size.
        FinishedProcess smaller = triage(Map.of(), "-Xmx256m", "--state-dir", state.toString(), "--version");
        assertEquals(0, smaller.exit(), smaller.err());
        assertTrue(smaller.out().contains("-XX:MaxHeapSize=" + 256 * mb), smaller.out());
    }

    private Path hinted(String name, String line) throws IOException {
        Path state = Files.createDirectories(dir.resolve(name));
        Files.writeString(state.resolve("heap-hint"), line + "\n# a comment line\n");
        return state;
    }

    private String bound(Map<String, String> env, String... args) throws Exception {
        return call("heap_bound", env, args);
    }

    private String flags(Map<String, String> env, String... args) throws Exception {
        return call("heap_bound_flags", env, args);
    }

    private String call(String function, Map<String, String> env, String... args) throws Exception {
        StringBuilder call = new StringBuilder("set -euo pipefail; . '" + SCRIPT + "'; " + function);
        for (String arg : args) {
            call.append(" '").append(arg).append('\'');
        }
        FinishedProcess result = run(List.of("bash", "-c", call.toString()), env);
        assertEquals(0, result.exit(), result.err());
        assertEquals("", result.err());
        return result.out().strip();
    }

    private FinishedProcess triage(Map<String, String> env, String javaOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("bin/triage").toString()));
        command.addAll(List.of(args));
        Map<String, String> withFlags = new java.util.HashMap<>(env);
        withFlags.put("TRIAGE_JAVA_OPTS", ("-XX:+PrintCommandLineFlags " + javaOptions).strip());
        withFlags.put("TRIAGE_STARTUP_CACHE", "0"); // not this test's business, and a first training takes seconds
        return run(command, withFlags);
    }

    private FinishedProcess run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("TRIAGE_HOME");
        builder.environment().remove("TRIAGE_HEAP");
        builder.environment().remove("TRIAGE_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        return FinishedProcess.run(builder, dir);
    }
}
