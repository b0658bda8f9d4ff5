package org.breachtriage.functions;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.json.Json;

/**
 * S3 notifications read with the project's own Jackson mapper, for the ingest function's stream entry
 * point. Why, as for {@link SqsEventJson}: for a {@code RequestHandler<S3Event, …>} the Lambda Java
 * runtime reads the event with its own serialisation library (a shaded Jackson and Gson) and parses
 * {@code eventTime} with Joda-Time, about 1,500 classes on the first event that ingest never uses
 * (docs/benchmarks.md, "Cold start").
 *
 * <p>The shape is S3's event notification, version 2: {@code Records[]} with {@code eventVersion},
 * {@code eventSource}, {@code awsRegion}, {@code eventName}, {@code userIdentity}, {@code requestParameters},
 * {@code responseElements} and {@code s3} (its {@code bucket} and {@code object}). Every field is read except
 * {@code eventTime}, which ingest does not use and which the library's model can only hold as a Joda
 * {@code DateTime}: the record's {@code getEventTime()} is null. A field that is absent is null, as the
 * runtime leaves it, so {@link S3ManifestEvents} decides about a record with no bucket or key as before.
 */
final class S3EventJson {
    private S3EventJson() {
    }

    /** @throws UnprocessableEventException when the event is not JSON: no retry would change that */
    static S3Event read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the input; the location is enough to find it.
            throw new UnprocessableEventException("not an S3 event: it is not JSON (" + where(e) + ")");
        }
        List<S3EventNotificationRecord> records = new ArrayList<>();
        if (root != null) {
            for (JsonNode record : root.path("Records")) {
                records.add(record(record));
            }
        }
        return new S3Event(records);
    }

    private static S3EventNotificationRecord record(JsonNode record) {
        JsonNode s3 = record.get("s3");
        S3Entity entity = s3 == null || !s3.isObject() ? null : new S3Entity(text(s3, "configurationId"),
                bucket(s3.get("bucket")), object(s3.get("object")), text(s3, "s3SchemaVersion"));
        JsonNode request = record.path("requestParameters");
        JsonNode response = record.path("responseElements");
        return new S3EventNotificationRecord(text(record, "awsRegion"), text(record, "eventName"),
                text(record, "eventSource"), null, text(record, "eventVersion"),
                request.isObject() ? new RequestParametersEntity(text(request, "sourceIPAddress")) : null,
                response.isObject() ? new ResponseElementsEntity(text(response, "x-amz-id-2"),
                        text(response, "x-amz-request-id")) : null,
                entity, identity(record.get("userIdentity")));
    }

    private static S3BucketEntity bucket(JsonNode bucket) {
        return bucket == null || !bucket.isObject() ? null
                : new S3BucketEntity(text(bucket, "name"), identity(bucket.get("ownerIdentity")), text(bucket, "arn"));
    }

    private static S3ObjectEntity object(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode size = object.get("size");
        return new S3ObjectEntity(text(object, "key"), size == null || !size.canConvertToLong() ? null : size.asLong(),
                text(object, "eTag"), text(object, "versionId"), text(object, "sequencer"));
    }

    private static UserIdentityEntity identity(JsonNode identity) {
        return identity == null || !identity.isObject() ? null : new UserIdentityEntity(text(identity, "principalId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "unreadable"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
