package org.breachtriage.cli;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.breachtriage.aws.sandbox.LambdaRunner;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.functions.ClockHandler;
import org.breachtriage.functions.FunctionWiring;
import org.breachtriage.functions.IgnoredRecord;
import org.breachtriage.functions.IngestHandler;
import org.breachtriage.functions.ReleaseHandler;
import org.breachtriage.functions.ReportHandler;
import org.breachtriage.functions.ScoreHandler;
import org.breachtriage.functions.UnprocessableEventException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

@Command(name = "invoke",
        description = {"Run one handler on an event file (events/s3/*.json, events/sqs/*.json, events/schedule/*.json), in this process against the configured endpoints, or with --remote by Lambda Invoke of the deployed function."},
        mixinStandardHelpOptions = true)
final class InvokeCommand extends AwsCommand {

    enum Function { ingest, score, release, report, clock }

    @Parameters(paramLabel = "FUNCTION", description = "The handler: ingest (an S3 event), score, release or report (an SQS event), or clock (a scheduled event).")
    Function function;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as JSON.")
    Path event;

    @Option(names = "--remote", description = "Invoke the deployed function instead of running it here.")
    boolean remote;

    @Option(names = "--function-name", paramLabel = "NAME",
            description = "With --remote: the function to invoke (default breach-triage-dev-<FUNCTION>, as template.yaml names it).")
    String functionName;

    @Override
    int run(AwsBackend aws) throws Exception {
        InputFiles.requireReadableFile(event, "event");
        requireJson(event);
        var out = spec.commandLine().getOut();
        if (remote) {
            String name = functionName != null ? functionName : "breach-triage-dev-" + function;
            SdkBytes payload = SdkBytes.fromByteArray(Files.readAllBytes(event));
            try (LambdaClient lambda = AwsConfiguration.configure(LambdaClient.builder(), AwsConfiguration.LAMBDA,
                    aws.clients().settings()).build()) {
                InvokeResponse response = lambda.invoke(r -> r.functionName(name).payload(payload));
                out.println(response.payload().asUtf8String());
                if (response.functionError() != null) {
                    String errorType = Json.MAPPER.readTree(response.payload().asByteArray()).path("errorType").asText("");
                    if (errorType.endsWith(UnprocessableEventException.class.getSimpleName())) {
                        throw new InvalidInputException(name + " refused the event: " + errorType
                                + " (the function's log names the key and why)");
                    }
                    throw new IllegalStateException(name + " failed: " + response.functionError());
                }
            }
            return ExitCodes.OK;
        }
        FunctionWiring wiring = new FunctionWiring(aws.clients(), aws.names(), PipelineSettings.fromEnvironment());
        Object result = switch (function) {
            case ingest -> new IngestHandler(wiring).handleRequest(load(S3Event.class),
                    LambdaRunner.context("ingest"));
            case score -> new ScoreHandler(wiring).handleRequest(load(SQSEvent.class), LambdaRunner.context("score"));
            case release -> new ReleaseHandler(wiring).handleRequest(load(SQSEvent.class), LambdaRunner.context("release"));
            case report -> new ReportHandler(wiring).handleRequest(load(SQSEvent.class), LambdaRunner.context("report"));
            case clock -> new ClockHandler(wiring).handleRequest(load(ScheduledEvent.class), LambdaRunner.context("clock"));
        };
        out.println(Json.pretty(result));
        if (result instanceof IngestHandler.Summary ingested) {
            for (IgnoredRecord ignored : ingested.ignoredRecords()) {
                spec.commandLine().getErr().println("triage: ignored " + ignored.describe());
            }
        }
        return ExitCodes.OK;
    }

    /** An event file must be one JSON document, of sane depth, before any handler or Lambda sees it. */
    static void requireJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (Json.MAPPER.readTree(in) == null) {
                throw new InvalidInputException("event file " + file + ": empty, expected a JSON event");
            }
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("event file " + file + ": " + Json.limitExceeded(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException("event file " + file + ": not JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** The event as the Lambda Java runtime would build it from this JSON. */
    private <T> T load(Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(event)) {
            return LambdaEventSerializers.serializerFor(type, InvokeCommand.class.getClassLoader()).fromJson(in);
        } catch (RuntimeException e) {
            throw new InvalidInputException("event file " + event + ": JSON, but not a Lambda " + type.getSimpleName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
