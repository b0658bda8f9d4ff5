package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The handlers' log lines. Lines name messages, cases and exception classes, never rows: a manifest's
 * content is personal data and exception messages may quote it, so they are not logged.
 *
 * <p>Two shapes, chosen by the variable Lambda sets from the function's {@code LoggingConfig}:
 * <ul>
 *   <li>{@code AWS_LAMBDA_LOG_FORMAT=JSON} (template.yaml): one JSON object per line with the fields the
 *       Lambda runtime's own JSON lines have ({@code timestamp}, {@code level}, {@code message},
 *       {@code AWSRequestId}) and the {@code caseId} (null when the line concerns no known case). It is
 *       handed to the runtime as bytes, which it passes on unformatted, with its level.</li>
 *   <li>otherwise (the CLI running the handlers in-process, a function left on text logs): the short
 *       line {@code "ingest: ingested case BT-… (SCORING)"}.</li>
 * </ul>
 */
final class HandlerLog {
    /** Set by Lambda to the function's log format (TEXT or JSON); the runtime interface client reads it too. */
    static final String LOG_FORMAT_VARIABLE = "AWS_LAMBDA_LOG_FORMAT";
    private static final boolean JSON = "JSON".equalsIgnoreCase(System.getenv(LOG_FORMAT_VARIABLE));

    private HandlerLog() {
    }

    static void info(Context context, String function, String caseId, String message) {
        write(context, LogLevel.INFO, function, caseId, message);
    }

    /** Something failed and will be retried, or was given up on. */
    static void error(Context context, String function, String caseId, String message) {
        write(context, LogLevel.ERROR, function, caseId, message);
    }

    static boolean json() {
        return JSON;
    }

    private static void write(Context context, LogLevel level, String function, String caseId, String message) {
        LambdaLogger logger = logger(context);
        if (JSON) {
            String line = jsonLine(Instant.now(), level, message, context == null ? null : context.getAwsRequestId(), caseId);
            logger.log(line.getBytes(StandardCharsets.UTF_8), level);
        } else {
            logger.log(textLine(function, message), level);
        }
    }

    /** The invocation's logger; outside an invocation (SnapStart priming) the runtime's own. */
    static LambdaLogger logger(Context context) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        return logger != null ? logger : LambdaRuntime.getLogger();
    }

    static String textLine(String function, String message) {
        return function + ": " + message + "\n";
    }

    /** One JSON log line, newline included. */
    static String jsonLine(Instant at, LogLevel level, String message, String requestId, String caseId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", at.toString());
        line.put("level", level.name());
        line.put("message", message);
        line.put("AWSRequestId", requestId);
        line.put("caseId", caseId);
        return Json.write(line) + "\n";
    }

    /**
     * What failed, safely: the exception class, and for an AWS service error its error code and HTTP
     * status (enough to tell throttling from a missing permission), but no message text.
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName());
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            text.append(" (").append(aws.awsErrorDetails().errorCode()).append(", HTTP ").append(aws.statusCode()).append(')');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append(", caused by ").append(cause.getClass().getName());
        }
        return text.toString();
    }
}
