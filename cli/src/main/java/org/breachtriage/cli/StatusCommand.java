package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.DecisionEntry;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Show a case's run summary and its decision log.",
        mixinStandardHelpOptions = true)
final class StatusCommand extends CaseCommand {

    @Option(names = "--no-log", description = "Leave out the decision log.")
    boolean noLog;

    @Mixin
    OutputOption output;

    @Override
    int show(Backend pipeline, CaseRecord c, PrintWriter out) {
        var log = pipeline.cases().decisions(c.caseId());
        RunSummary summary = pipeline.summaryOf(c, 0);
        if (output.format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(summary, Map.class));
            json.put("incident", c.incident());
            if (!noLog) {
                json.put("decisions", log);
            }
            out.println(Json.pretty(json));
            return ExitCodes.OK;
        }
        Tables.printSummary(out, summary, c.incidentId() == null ? null
                : pipeline.incidents().find(c.incidentId()).map(i -> i.regime()).orElse(null));
        if (!c.incident().assumptions().isEmpty()) {
            out.println("Assumed     " + String.join("\n            ", c.incident().assumptions()));
        }
        if (!noLog) {
            out.println("Decision log");
            for (DecisionEntry d : log) {
                out.printf("  %s  %-32s %s%n", d.at(), d.decision(), d.reason());
            }
        }
        return ExitCodes.OK;
    }
}
