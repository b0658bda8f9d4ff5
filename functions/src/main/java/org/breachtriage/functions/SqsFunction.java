package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An SQS-triggered handler (score, release, report). Lambda calls the stream overload: for the handler
 * string {@code Class::handleRequest} of template.yaml the Java runtime picks the overload with the
 * longest signature, and (InputStream, OutputStream, Context) is longest. It reads the event with the
 * project's Jackson instead of the runtime's own serialiser, about 1,000 classes fewer on a cold start
 * ({@link SqsEventJson}); tests and the CLI call the typed overload. Public because the runtime calls
 * the inherited method by reflection, which a package-private interface would refuse.
 */
public interface SqsFunction extends RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The entry point Lambda calls: the typed overload, on the event's JSON. */
    default void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        SqsEventJson.write(handleRequest(SqsEventJson.read(event), context), answer);
    }
}
