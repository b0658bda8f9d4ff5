package org.breachtriage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end, for the tests that run bin/ scripts and JVMs as an operator would: its exit
 * status and what it wrote. Output goes through files in the test's own directory, so that a chatty child never
 * blocks on a full pipe.
 */
record FinishedProcess(int exit, String out, String err) {
    private static final long MAX_MINUTES = 3;

    static FinishedProcess run(ProcessBuilder builder, Path scratch) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(MAX_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + MAX_MINUTES + " minutes: " + builder.command());
        }
        FinishedProcess finished = new FinishedProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return finished;
    }
}
