package org.breachtriage.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.IncidentClock;
import org.breachtriage.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "clock",
        description = {"Check every incident's Art. 33 clock (72 hours from the earliest awareness) and publish the reminders that are due on the alerts topic: incident.deadline with 24 h and with 6 h left, and incident.overdue once the deadline has passed.",
            "Each reminder is sent at most once, so running again sends nothing new. Incidents whose ICO submission is recorded are skipped. On AWS an hourly schedule runs the same check."},
        mixinStandardHelpOptions = true)
final class ClockCommand implements Callable<Integer> {

    @Option(names = "--now", paramLabel = "TIME",
            description = "Check as if it were this ISO-8601 instant (e.g. 2023-08-27T03:30:00Z), for drills; default: now.")
    String now;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant at = now == null ? null : parse(now);
        try (Backend backend = Backend.open()) {
            IncidentClock clock = backend.services().clock();
            IncidentClock.Outcome outcome = at == null ? clock.check() : clock.check(at);
            var out = spec.commandLine().getOut();
            if (output.format == OutputFormat.json) {
                out.println(Json.pretty(outcome));
                return ExitCodes.OK;
            }
            out.printf("Checked %d open incident(s) at %s: %d reminder(s) sent%n", outcome.incidentsChecked(),
                    outcome.now(), outcome.sent().size());
            for (IncidentClock.Sent sent : outcome.sent()) {
                out.printf("  %s  %s (%s)  %s  %d notice(s) awaiting release%n", sent.incidentId(),
                        sent.threshold().eventType(), sent.threshold().label(), sent.hoursLeft() >= 0
                                ? sent.hoursLeft() + " h left" : "overdue by " + (-sent.hoursLeft()) + " h",
                        sent.noticesAwaitingRelease());
            }
            return ExitCodes.OK;
        }
    }

    static Instant parse(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + text + "' is not an ISO-8601 instant: write it like 2023-08-27T03:30:00Z");
        }
    }
}
