package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users of AWS tools expect of a CLI: --version with the commit, shell completion, a progress bar on stderr only. */
class CliConventionsTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.execute(Map.of("TRIAGE_HOME", tmp.toString()), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheProjectVersionAndTheCommitOfTheBuild() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        boolean fromGit = Files.exists(Path.of("..").resolve(".git"));
        String commit = fromGit ? "[0-9a-f]{7,40}(-dirty)?" : "unknown: not built from a git checkout";
        assertTrue(version.out().strip().matches("triage \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit " + commit + "\\)"), version.out());
    }

    @Test
    void completionPrintsAScriptThatCompletesCommandsAndSubcommands() throws Exception {
        Run bash = run("completion", "bash");
        assertEquals(0, bash.exit(), bash.err());
        assertTrue(bash.out().contains("complete -F _complete_triage"), "registers for triage");
        assertEquals(bash.out(), run("completion", "zsh").out(), "one script for both: under zsh it loads bashcompinit");
        assertTrue(bash.out().contains("bashcompinit"));
        assertEquals(ExitCodes.USAGE, run("completion", "fish").exit());

        Optional<Path> shell = onPath("bash");
        if (shell.isEmpty()) {
            System.out.println("CliConventionsTest: the completion script was NOT run: no bash on the PATH");
            return;
        }
        Path script = tmp.resolve("triage_completion");
        Files.writeString(script, bash.out());
        assertEquals(List.of("sandbox"), complete(shell.get(), script, "triage", "san"));
        assertEquals(List.of("up", "down", "status", "peek"),
                complete(shell.get(), script, "triage", "sandbox", ""));
    }

    /** What bash offers for the last word, as it would on TAB. */
    private static List<String> complete(Path bash, Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source '" + script + "'; COMP_WORDS=(" + String.join(" ", java.util.Arrays.stream(words)
                .map(w -> "'" + w + "'").toList()) + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line
                + "'; COMP_POINT=" + line.length() + "; _complete_triage 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process process = new ProcessBuilder(bash.toString(), "-c", program).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void theProgressBarIsKeyedOnStderrBeingATerminal() {
        assertTrue(Progress.isTerminalDevice("/dev/pts/3"));
        assertTrue(Progress.isTerminalDevice("/dev/tty1"));
        assertFalse(Progress.isTerminalDevice("/tmp/triage.log"), "never into a file");
        assertFalse(Progress.isTerminalDevice("pipe:[123456]"));
        assertTrue(Progress.stderrIsTerminal(Map.of("TRIAGE_STDERR_TTY", "1")), "bin/triage's [ -t 2 ]");
        assertFalse(Progress.stderrIsTerminal(Map.of("TRIAGE_STDERR_TTY", "0")));
        // Under surefire this JVM's stderr is a pipe to Maven, whatever stdout is.
        assertFalse(Progress.stderrIsTerminal(Map.of()), "stderr of a forked test JVM is not a terminal");

        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        Progress on = new Progress(new PrintStream(drawn), "triage x.csv", 10, true);
        readAll(on, 10);
        assertTrue(drawn.toString(StandardCharsets.UTF_8).contains("100%"));
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        readAll(new Progress(new PrintStream(quiet), "triage x.csv", 10, false), 10);
        assertEquals(0, quiet.size(), "nothing at all when stderr is not a terminal");
    }

    private static void readAll(Progress progress, int bytes) {
        try (var in = progress.track(new ByteArrayInputStream(new byte[bytes]))) {
            in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        progress.finish();
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
