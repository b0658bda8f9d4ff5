package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report",
        description = {"Render a scored case's reports: the ICO Art. 33 draft (md), everything as one self-contained HTML page with a severity chart (html), or the Federation summary, on-call summary and ICO draft (json).",
            "None of them contains personal data."},
        mixinStandardHelpOptions = true)
final class ReportCommand extends CaseCommand {

    enum Format { md, html, json }

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "The report format: md, html or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path outFile;

    @Override
    int show(Backend pipeline, CaseRecord c, PrintWriter out) throws Exception {
        if (c.status() != CaseStatus.SCORED && c.status() != CaseStatus.REPORTED) {
            throw new InvalidInputException("case " + c.caseId() + " is " + c.status()
                    + "; reports exist once it is scored (see: triage status " + c.caseId() + ")");
        }
        ReportService.Rendered rendered = pipeline.reports().render(c);
        String text = switch (format) {
            case md -> rendered.icoDraft().toMarkdown();
            case html -> rendered.html();
            case json -> {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("federationSummary", Json.MAPPER.readTree(rendered.federation().toJson()));
                all.put("onCallSummary", Json.MAPPER.readTree(rendered.onCall().toJson()));
                all.put("icoArt33Draft", Json.MAPPER.readTree(rendered.icoDraft().toJson()));
                yield Json.pretty(all);
            }
        };
        if (outFile == null) {
            out.println(text);
        } else {
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("wrote " + outFile);
        }
        return ExitCodes.OK;
    }
}
