package org.breachtriage.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.cases.CaseIds;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.ports.ObjectStore.ObjectInfo;
import org.breachtriage.aws.sandbox.EventSourceSimulator;
import org.breachtriage.aws.sandbox.LambdaRunner;
import org.breachtriage.functions.FunctionWiring;
import org.breachtriage.functions.IngestHandler;
import org.breachtriage.functions.ReleaseHandler;
import org.breachtriage.functions.ReportHandler;
import org.breachtriage.functions.ScoreHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "process",
        description = {"Run the ingest, score, release and report handlers in this process against the configured AWS endpoints, as Lambda would: the S3 event for the object, then the row batches drained from the real batch queue, then the release queue (the notices the policy releases at once), then the report queue.",
            "It prints the run summary, with the notices it published and those waiting for approvers (see triage pending and triage release). Use it to re-run a case by hand, and with the sandbox, which has no Lambda triggers."},
        mixinStandardHelpOptions = true)
final class ProcessCommand extends AwsCommand {

    @Parameters(paramLabel = "S3_URI", description = "The manifest's S3 URI, s3://BUCKET/manifests/…, as submit prints it.")
    String uri;

    @Mixin
    OutputOption output;

    @Override
    int run(AwsBackend aws) throws Exception {
        S3Uri object = S3Uri.parse(uri, aws.names().bucket());
        ObjectInfo info = aws.outputs().head(object.key())
                .orElseThrow(() -> new InvalidInputException("no object at " + uri));
        FunctionWiring wiring = new FunctionWiring(aws.clients(), aws.names(), PipelineSettings.fromEnvironment());
        var err = spec.commandLine().getErr();
        long publishedBefore = aws.cases().find(CaseIds.derive(object.key(), info.version()))
                .map(c -> aws.summaryOf(c, 0).notices().published()).orElse(0L);

        EventSourceSimulator events = new EventSourceSimulator(aws.clients().sqs(), region(aws));
        IngestHandler.Summary ingested = new IngestHandler(wiring).handleRequest(
                events.objectCreated(object.bucket(), info), LambdaRunner.context("ingest"));
        if (ingested.caseIds().isEmpty()) {
            throw new InvalidInputException(uri + " was not ingested: " + (ingested.failedManifests() > 0
                    ? "the file is not a readable manifest (see: triage --aws cases)"
                    : ingested.ignoredRecords().isEmpty() ? "only keys under manifests/ are manifests"
                    : ingested.ignoredRecords().get(0).reason()));
        }
        ScoreHandler scorer = new ScoreHandler(wiring);
        LambdaRunner.DrainResult scored = LambdaRunner.drain(aws.clients().sqs(), events, aws.names().batchQueueUrl(),
                event -> scorer.handleRequest(event, LambdaRunner.context("score")), err);
        ReleaseHandler releaser = new ReleaseHandler(wiring);
        LambdaRunner.DrainResult released = LambdaRunner.drain(aws.clients().sqs(), events, aws.names().releaseQueueUrl(),
                event -> releaser.handleRequest(event, LambdaRunner.context("release")), err);
        ReportHandler reporter = new ReportHandler(wiring);
        LambdaRunner.DrainResult reported = LambdaRunner.drain(aws.clients().sqs(), events, aws.names().reportQueueUrl(),
                event -> reporter.handleRequest(event, LambdaRunner.context("report")), err);

        CaseRecord c = aws.cases().find(ingested.caseIds().get(0)).orElseThrow();
        RunSummary summary = aws.summaryOf(c, aws.summaryOf(c, 0).notices().published() - publishedBefore);
        IncidentView incident = c.incidentId() == null ? null : aws.services().queries().view(c.incidentId()).orElse(null);
        var out = spec.commandLine().getOut();
        if (output.format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>(Json.MAPPER.convertValue(summary, Map.class));
            json.put("incident", incident);
            out.println(Json.pretty(json));
        } else {
            out.printf("Handled %d batch message(s), %d release request(s) and %d report trigger(s)%n", scored.delivered(),
                    released.delivered(), reported.delivered());
            Tables.printSummary(out, summary);
            if (incident != null) {
                out.println();
                Tables.printIncident(out, incident);
            }
        }
        return scored.failed() + released.failed() + reported.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String region(AwsBackend aws) {
        return aws.clients().settings().region() == null ? "us-east-1" : aws.clients().settings().region().id();
    }
}
