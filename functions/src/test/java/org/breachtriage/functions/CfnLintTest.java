package org.breachtriage.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * template.yaml through AWS's own linter, cfn-lint (1.51 or later, which brings aws-sam-translator and
 * so lints the template as SAM transforms it). Errors, warnings and informational findings all fail
 * the test, except the informational rules listed in {@link #ACCEPTED}, each with its reason.
 *
 * <p>Where cfn-lint is not on the PATH the test is skipped, and says so on the console; where it is,
 * it runs. The build does not install it (it is a Python tool; see the README).
 */
class CfnLintTest {

    /** Informational rules we accept, and why. None today: I3011 (DeletionPolicy) and I3013 (retention) are met. */
    private static final Map<String, String> ACCEPTED = Map.of();

    private static final int[] MINIMUM_VERSION = {1, 51};
    /** cfn-lint's parseable format: file:line:column:endLine:endColumn:rule:message. */
    private static final Pattern FINDING = Pattern.compile("^.*?:(\\d+):(\\d+):\\d+:\\d+:([EWI]\\d+):(.*)$");

    @Test
    void theTemplateHasNoErrorNoWarningAndNoUnacceptedInformationalFinding() throws Exception {
        Optional<Path> cfnLint = onPath("cfn-lint");
        if (cfnLint.isEmpty()) {
            String reason = "cfn-lint is not on the PATH, so template.yaml was not linted (install cfn-lint 1.51 or later)";
            System.out.println("CfnLintTest SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        String version = run(cfnLint.get().toString(), "--version").output().trim();
        assertTrue(atLeast(version, MINIMUM_VERSION), "cfn-lint on the PATH is '" + version + "'; 1.51 or later is needed");

        Path template = Fixtures.repoRoot().resolve("template.yaml");
        // -c I: informational rules too; the exit code says little, so read every finding.
        Result lint = run(cfnLint.get().toString(), "--format", "parseable", "--include-checks", "I", "--", template.toString());
        List<String> unaccepted = new ArrayList<>();
        for (String line : lint.output().lines().filter(l -> !l.isBlank()).toList()) {
            Matcher finding = FINDING.matcher(line);
            if (!finding.matches()) {
                unaccepted.add("unreadable cfn-lint output: " + line);
                continue;
            }
            String rule = finding.group(3);
            if (!(rule.startsWith("I") && ACCEPTED.containsKey(rule))) {
                unaccepted.add("template.yaml:" + finding.group(1) + ":" + finding.group(2) + " " + rule + " " + finding.group(4));
            }
        }
        System.out.println("CfnLintTest: " + version + " on template.yaml: " + (lint.output().isBlank() ? "no findings"
                : lint.output().lines().count() + " finding(s)"));
        assertEquals(List.of(), unaccepted, "cfn-lint findings");
        assertEquals(0, lint.exitCode(), "cfn-lint exit code with no unaccepted finding: " + lint.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** "cfn-lint 1.51.0" at least major.minor. */
    static boolean atLeast(String versionLine, int[] minimum) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(versionLine);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > minimum[0] || (major == minimum[0] && minor >= minimum[1]);
    }
}
