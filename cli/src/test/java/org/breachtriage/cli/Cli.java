package org.breachtriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.json.Json;

/** Runs triage in this process on one state directory, through the same entry point as bin/triage. */
final class Cli {
    /** What one command did: its exit code, and what it printed on stdout and stderr. */
    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(out);
        }
    }

    private final Path stateDir;

    Cli(Path stateDir) {
        this.stateDir = stateDir;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--state-dir", stateDir.toString()));
        all.addAll(List.of(args));
        int exit = TriageCommand.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
