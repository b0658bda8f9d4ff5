package org.breachtriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breachtriage.core.incident.Approver;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.release.ReleaseNotices;
import org.breachtriage.core.release.ReleaseService;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.SampleEvents;
import org.breachtriage.embedded.LocalPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = {"Triage the bundled synthetic breach end to end: write the sample data (the same files as events/), import the 3,000-person roster, triage the ID-card supplier's two manifests of one incident (the first list and the records it found later), then walk the release step: one covert officer held for their handler, one approver releasing HIGH, a second releasing VERY_HIGH.",
            "No real person's data is involved. Each person is assessed once on everything either manifest exposed; MEDIUM notices go at once, the rest wait for people. Running it again finds the same cases, the same hold and the same approvers, and sends nothing twice."},
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    static final String FIRST_APPROVER = "A. Reviewer (demo)";
    static final String SECOND_APPROVER = "B. Second Reviewer (demo)";
    static final String HOLD_REASON = "to be told by their handler";

    /** The incident's manifests in the order the supplier sent them, with what each is. */
    private static final List<Map.Entry<String, String>> MANIFESTS = List.of(
            Map.entry(SampleEvents.MET_ID_CARD, "the supplier's first list"),
            Map.entry(SampleEvents.MET_ID_CARD_LATER, "records the supplier found later"));

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    /** What the demo's release step did, step by step (synthetic people only). */
    record ReleaseWalk(String heldPayNumber, boolean heldNow, int publishedAtOnce, ReleaseNotices.Approved first,
                       ReleaseNotices.Approved second) {

        void print(PrintWriter out, String incidentId) {
            out.printf("%n3. The release step: notices to people at risk wait for people to decide%n");
            out.printf("At once     %,d published by these runs: the MEDIUM information notices and the general staff"
                    + " communication, released automatically%n", publishedAtOnce);
            out.printf("Hold        %s (synthetic covert officer, VERY_HIGH) %s: %s%n", heldPayNumber,
                    heldNow ? "held" : "held before", HOLD_REASON);
            out.printf("Release 1   by %s: %,d notice(s) published (HIGH needs one approver)%n", FIRST_APPROVER,
                    first.published());
            out.printf("Release 2   by %s: %,d notice(s) published (VERY_HIGH needs a second, different one)%n",
                    SECOND_APPROVER, second.published());
            out.printf("Letters     under letters/%s/ in the state file; read one: triage letter %s %s (--stored for"
                    + " a published one as sent)%n", incidentId, incidentId, heldPayNumber);
        }
    }

    /**
     * The release walk-through: hold the first VERY_HIGH covert officer (by pay number), then two
     * approvals. Idempotent: a re-run finds the hold in place and the approvers' yeses already given.
     */
    private static ReleaseWalk releaseStep(LocalPipeline pipeline, String incidentId, long atOnce) {
        ReleaseService release = pipeline.services().release();
        String covert = firstCovertVeryHigh(pipeline, incidentId);
        Approver dpo = Approver.byName(FIRST_APPROVER, "demo");
        boolean heldNow = release.hold(new ReleaseNotices.HoldPerson(incidentId, covert, dpo.name(), dpo.identity(),
                HOLD_REASON)).changed();
        ReleaseNotices.Approved first = release.approve(new ReleaseNotices.Approve(incidentId, dpo, null,
                "demo: the list checked against the staff table"));
        ReleaseNotices.Approved second = release.approve(new ReleaseNotices.Approve(incidentId,
                Approver.byName(SECOND_APPROVER, "demo"), null, "demo: second pair of eyes for VERY_HIGH"));
        pipeline.commit();
        return new ReleaseWalk(covert, heldNow, (int) atOnce, first, second);
    }

    private static String firstCovertVeryHigh(LocalPipeline pipeline, String incidentId) {
        List<String> veryHigh = new ArrayList<>();
        pipeline.persons().forEach(incidentId, p -> {
            if (p.band() == Band.VERY_HIGH && p.matched()) {
                veryHigh.add(p.payNumber());
            }
        });
        Map<String, StaffMember> members = pipeline.staff().findAll(veryHigh);
        return veryHigh.stream().filter(pay -> members.get(pay) != null
                        && members.get(pay).roleFlags().contains(RoleFlag.COVERT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the bundled sample has no VERY_HIGH covert officer"));
    }

    @Override
    public Integer call() throws Exception {
        LocalSession.refuseAws(spec, "on AWS, upload with 'triage --aws submit FILE' and run it with 'triage --aws process URI'");
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path data = Settings.stateDir().resolve("demo-data");
        SampleEvents.writeAll(data);
        RosterImport roster = new RosterReader().read(data.resolve(SampleEvents.ROSTER));
        if (roster.hasErrors()) {
            throw new IllegalStateException("the bundled roster has invalid rows: " + roster.errors().get(0).describe());
        }
        try (LocalPipeline pipeline = LocalSession.open()) {
            pipeline.importStaff(roster.members());
            boolean table = output.format == OutputFormat.table;
            if (table) {
                out.printf("Demo: %,d synthetic staff imported; triaging incident %s, which arrives as %d manifests"
                        + " (sample data in %s)%n", roster.members().size(), SampleEvents.MET_INCIDENT.reference(),
                        MANIFESTS.size(), data);
            }
            List<RunSummary> summaries = new ArrayList<>();
            for (int i = 0; i < MANIFESTS.size(); i++) {
                Path manifest = data.resolve(MANIFESTS.get(i).getKey());
                LocalPipeline.RunOutcome outcome = Runs.run(pipeline, manifest, null);
                Runs.printWarnings(outcome, err);
                summaries.add(outcome.summary());
                if (table) {
                    out.printf("%n%d. %s: %s%s%n", i + 1, manifest.getFileName(), MANIFESTS.get(i).getValue(),
                            outcome.alreadyTriaged() ? " (triaged before: nothing was sent again)" : "");
                    Tables.printSummary(out, outcome.summary());
                }
            }
            String incidentId = summaries.getLast().incidentId();
            ReleaseWalk walk = releaseStep(pipeline, incidentId,
                    summaries.stream().mapToLong(s -> s.notices().publishedThisRun()).sum());
            IncidentView incident = Runs.incidentOf(pipeline, summaries.getLast());
            if (table) {
                walk.print(out, incidentId);
                Runs.printIncidentAndNext(pipeline, incident, out);
            } else {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("manifests", summaries);
                json.put("release", walk);
                json.put("incident", incident);
                out.println(Json.pretty(json));
            }
            return Runs.balanced(summaries, err);
        }
    }
}
