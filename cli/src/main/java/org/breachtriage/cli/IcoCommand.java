package org.breachtriage.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IcoSubmissions;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ico",
        description = "Record what was done with the Information Commissioner's Office.",
        mixinStandardHelpOptions = true,
        subcommands = {IcoCommand.Submitted.class, CommandLine.HelpCommand.class})
final class IcoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'triage ico submitted --help'.");
    }

    @Command(name = "submitted",
            description = {"Record that the Art. 33 report for an incident was made to the ICO: when, and the ICO's reference.",
                "It goes in the incident's decision log and stops the deadline reminders. A report made after the 72-hour deadline needs --late-reason, which the next follow-up draft carries."},
            mixinStandardHelpOptions = true)
    static final class Submitted implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "INCIDENT_ID", description = "The incident (IN-…).")
        String incidentId;

        @Option(names = "--ico-reference", required = true, paramLabel = "REF",
                description = "The reference the ICO gave the report.")
        String icoReference;

        @Option(names = "--at", paramLabel = "TIME",
                description = "When the report was made, as an ISO-8601 instant; default: now.")
        String at;

        @Option(names = "--late-reason", paramLabel = "TEXT",
                description = "Why the report was made after the deadline (required then, refused otherwise).")
        String lateReason;

        @Mixin
        OutputOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant when = at == null ? null : ClockCommand.parse(at);
            try (Backend backend = Backend.open()) {
                IncidentRecord incident = LocalSession.requireIncident(backend, incidentId);
                IcoSubmissions.Recorded recorded;
                try {
                    recorded = backend.services().icoSubmissions().record(incident.incidentId(), icoReference, when,
                            lateReason);
                } catch (IcoSubmissions.InvalidSubmission e) {
                    throw new InvalidInputException(e.getMessage());
                }
                var submission = recorded.incident().icoSubmission();
                var out = spec.commandLine().getOut();
                if (output.format == OutputFormat.json) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("incidentId", incident.incidentId());
                    json.put("recordedNow", recorded.recordedNow());
                    json.put("submission", submission);
                    out.println(Json.pretty(json));
                } else {
                    out.printf("%s incident %s: reported to the ICO at %s, reference %s%s%n",
                            recorded.recordedNow() ? "Recorded for" : "Already recorded for", incident.incidentId(),
                            submission.submittedAt(), submission.icoReference(),
                            submission.lateReason() == null ? "" : " (late: " + submission.lateReason() + ")");
                }
                return ExitCodes.OK;
            }
        }
    }
}
