package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One log line per event outcome, through the Lambda logger (CloudWatch) when there is one. Lines
 * name messages, cases and exception classes, never rows: a manifest's content is personal data and
 * exception messages may quote it, so they are not logged.
 */
final class HandlerLog {
    private HandlerLog() {
    }

    static void log(Context context, String line) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            logger.log(line + "\n");
        } else {
            System.out.println(line);
        }
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
