package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.breachtriage.core.json.Json;

/**
 * CloudWatch metrics in the embedded metric format (EMF): a JSON log line whose {@code _aws} member
 * tells CloudWatch Logs which of its fields are metrics, in namespace {@value #NAMESPACE}, by
 * {@code Function} (and {@code Band} for people per band). No SDK call, no agent: CloudWatch reads
 * them from the function's log group.
 *
 * <p>Hand-rolled rather than Powertools metrics: this class is the whole of it, where Powertools 2.9.0
 * brings aws-embedded-metrics, commons-lang3 and javatuples (about 0.9 MB) into the Lambda jar.
 *
 * <p>Written only inside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} is set): when the CLI runs the
 * handlers in-process, its stdout carries the command's output and nothing else. Each line also carries
 * {@code level}, {@code AWSRequestId} and {@code caseId}, as every other log line does.
 */
final class HandlerMetrics {
    static final String NAMESPACE = "BreachTriage";
    private static final boolean ON_LAMBDA = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;

    /** One metric value, counted (every metric here is a count). */
    record Metric(String name, long value) {
    }

    private HandlerMetrics() {
    }

    /** Emits these metrics for a function (and extra dimensions such as the band), if running in Lambda. */
    static void emit(Context context, String function, String caseId, Map<String, String> dimensions, List<Metric> metrics) {
        if (!ON_LAMBDA || metrics.isEmpty()) {
            return;
        }
        String line = document(Instant.now(), function, dimensions, metrics,
                context == null ? null : context.getAwsRequestId(), caseId);
        HandlerLog.logger(context).log(line.getBytes(StandardCharsets.UTF_8), LogLevel.INFO);
    }

    /** The EMF document as one line, newline included. */
    static String document(Instant at, String function, Map<String, String> dimensions, List<Metric> metrics,
                           String requestId, String caseId) {
        List<String> dimensionNames = new ArrayList<>();
        dimensionNames.add("Function");
        dimensionNames.addAll(dimensions.keySet());
        List<Map<String, String>> definitions = new ArrayList<>();
        for (Metric metric : metrics) {
            definitions.add(Map.of("Name", metric.name(), "Unit", "Count"));
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(dimensionNames));
        directive.put("Metrics", definitions);

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", at.toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
        line.put("Function", function);
        line.putAll(dimensions);
        for (Metric metric : metrics) {
            line.put(metric.name(), metric.value());
        }
        line.put("timestamp", at.toString());
        line.put("level", LogLevel.INFO.name());
        line.put("AWSRequestId", requestId);
        line.put("caseId", caseId);
        return Json.write(line) + "\n";
    }
}
