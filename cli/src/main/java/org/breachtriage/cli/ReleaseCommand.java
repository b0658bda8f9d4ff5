package org.breachtriage.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.release.ReleaseNotices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "release",
        description = {"Record one approver's release of the notices waiting in an incident (of one band with --band), and publish every notice whose release rule that meets.",
            "By the default policy HIGH needs one approver and VERY_HIGH two different ones. An approval covers the notices waiting now, never ones planned later; the same approver twice counts once; people held are left alone. The approval goes in the incident's decision log with who, when and why, and the identity that ran the command."},
        mixinStandardHelpOptions = true)
final class ReleaseCommand extends IncidentScopedCommand {


    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approves (a name; recorded with the identity that runs the command).")
    String by;

    @Option(names = "--band", paramLabel = "BAND", description = "Approve only the notices of this band (LOW, MEDIUM, HIGH, VERY_HIGH); default: every band.")
    String band;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the decision log.")
    String reason;

    @Mixin
    OutputOption output;

    @Override
    int run(Backend backend, IncidentRecord incident, PrintWriter out) {
        Band only = band == null ? null : parseBand(band);
        Approver approver = Releases.approver(backend, by);
        ReleaseNotices.Approved approved = backend.services().release().approve(
                new ReleaseNotices.Approve(incident.incidentId(), approver, only, reason));
        var policy = backend.services().settings().policy();
        if (output.format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("incidentId", incident.incidentId());
            json.put("approvalId", approved.approvalId());
            json.put("covered", approved.covered());
            json.put("counted", approved.counted());
            json.put("released", approved.released());
            json.put("published", approved.published());
            json.put("awaitingRelease", Releases.awaitingByBand(approved.after(), policy));
            json.put("held", approved.after().held());
            out.println(Json.pretty(json));
            return ExitCodes.OK;
        }
        out.printf("Approval    %s by %s (%s): it covers the %,d notice(s) waiting now%s%n", approved.approvalId(),
                approver.name(), approver.identity(), approved.covered(), only == null ? "" : " of band " + only);
        out.printf("Counted     on %,d of them%s; it met the release rule of %,d%n", approved.counted(),
                approved.counted() < approved.covered() ? " (the others already had this approver's yes)" : "",
                approved.released());
        out.printf("Published   %,d notice(s)%n", approved.published());
        Releases.printFigures(out, incident.incidentId(), approved.after(), policy);
        return ExitCodes.OK;
    }

    static Band parseBand(String text) {
        try {
            return Band.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--band '" + text + "' is not a band: LOW, MEDIUM, HIGH or VERY_HIGH");
        }
    }
}
