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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "report",
        description = {"Render an incident's reports: the ICO Art. 33 draft (md), everything as one self-contained HTML page with a severity chart (html), or the Federation summary, on-call summary and ICO draft (json).",
            "With an incident id, its latest report (initial or follow-up); with a case id, the report that manifest's scoring produced. None of them contains personal data."},
        mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "An incident id (IN-…) or a case id (BT-…).")
    String id;

    @Spec
    CommandSpec spec;

    enum Format { md, html, json }

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "The report format: md, html or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        if (outFile != null) {
            InputFiles.requireFolderFor(outFile, "--out");
        }
        try (Backend backend = LocalSession.openFor(id)) {
            return show(backend, LocalSession.requireCaseOrIncident(backend, id), spec.commandLine().getOut());
        }
    }

    private int show(Backend backend, LocalSession.Target target, PrintWriter out) throws Exception {
        CaseRecord c = target.caseRecord();
        if (c != null && c.status() != CaseStatus.SCORED && c.status() != CaseStatus.REPORTED) {
            throw new InvalidInputException("case " + c.caseId() + " is " + c.status()
                    + "; reports exist once it is scored (see: triage status " + c.caseId() + ")");
        }
        ReportService.Rendered rendered = backend.services().report().renderFor(
                c != null ? c.caseId() : target.incident().incidentId());
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
