package org.breachtriage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.core.json.Json;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: it answers each request from a canned,
 * well-formed success body of the operation asked (DynamoDB and SQS over AWS JSON, SNS over the query
 * protocol, S3 over REST-XML). For SnapStart priming only ({@link RequestPriming}): the SDK marshals,
 * signs and unmarshals exactly as for AWS, so those classes are loaded and their first paths run before
 * the snapshot, with no network and no real credentials.
 *
 * <p>Answers carry what the SDK checks: the MD5 of each SQS message body (the SDK compares it), the
 * ids of SNS and SQS batch entries.
 */
final class CannedHttpClient implements SdkHttpClient {
    private static final String SNS_XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final String MESSAGE_ID = "00000000-0000-4000-8000-000000000000";

    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> operations = new ArrayList<>();

    /** Requests answered so far. */
    int answered() {
        return answered.get();
    }

    /** The operations answered, in order ("DynamoDB_20120810.GetItem", "SNS PublishBatch", "S3 GET"). */
    synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body = request.contentStreamProvider().isPresent()
                        ? readAll(request.contentStreamProvider().get().newStream()) : new byte[0];
                return answer(request.httpRequest(), body);
            }

            @Override
            public void abort() {
            }
        };
    }

    private HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse(null);
        String text = new String(body, StandardCharsets.UTF_8);
        Canned canned;
        if (target != null && target.startsWith("DynamoDB_")) {
            canned = json(dynamoDb(target.substring(target.indexOf('.') + 1)));
        } else if (target != null && target.startsWith("AmazonSQS.")) {
            canned = json(sqs(target.substring(target.indexOf('.') + 1), Json.MAPPER.readTree(text)));
        } else if (text.startsWith("Action=")) {
            Map<String, String> form = form(text);
            target = "SNS " + form.get("Action");
            canned = new Canned("text/xml", sns(form.get("Action"), form), Map.of());
        } else {
            target = "S3 " + request.method();
            canned = s3(request);
        }
        synchronized (this) {
            operations.add(target);
        }
        answered.incrementAndGet();
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(200).statusText("OK")
                .putHeader("Content-Type", canned.contentType())
                .putHeader("Content-Length", Integer.toString(canned.body().length))
                .putHeader("x-amzn-RequestId", "priming")
                .putHeader("x-amz-request-id", "priming");
        canned.headers().forEach(response::putHeader);
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(canned.body()))).build();
    }

    private record Canned(String contentType, byte[] body, Map<String, String> headers) {
    }

    private static Canned json(String body) {
        return new Canned("application/x-amz-json-1.0", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String dynamoDb(String operation) {
        return switch (operation) {
            case "BatchGetItem" -> "{\"Responses\":{},\"UnprocessedKeys\":{}}";
            case "BatchWriteItem" -> "{\"UnprocessedItems\":{}}";
            case "Query", "Scan" -> "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}";
            default -> "{}"; // GetItem without an item, PutItem, UpdateItem and DeleteItem without attributes
        };
    }

    private static String sqs(String operation, JsonNode request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (operation) {
            case "SendMessage" -> {
                answer.put("MessageId", MESSAGE_ID);
                answer.put("MD5OfMessageBody", md5(request.path("MessageBody").asText()));
            }
            case "SendMessageBatch", "DeleteMessageBatch" -> {
                List<Map<String, String>> successful = new ArrayList<>();
                for (JsonNode entry : request.path("Entries")) {
                    Map<String, String> ok = new LinkedHashMap<>();
                    ok.put("Id", entry.path("Id").asText());
                    if (operation.equals("SendMessageBatch")) {
                        ok.put("MessageId", MESSAGE_ID);
                        ok.put("MD5OfMessageBody", md5(entry.path("MessageBody").asText()));
                    }
                    successful.add(ok);
                }
                answer.put("Successful", successful);
                answer.put("Failed", List.of());
            }
            case "ReceiveMessage" -> answer.put("Messages", List.of());
            default -> {
            }
        }
        return Json.write(answer);
    }

    private static byte[] sns(String action, Map<String, String> form) {
        StringBuilder result = new StringBuilder();
        if ("PublishBatch".equals(action)) {
            result.append("<Successful>");
            for (int n = 1; form.containsKey("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
                result.append("<member><Id>").append(xml(form.get("PublishBatchRequestEntries.member." + n + ".Id")))
                        .append("</Id><MessageId>").append(MESSAGE_ID).append("</MessageId></member>");
            }
            result.append("</Successful><Failed/>");
        } else if ("Publish".equals(action)) {
            result.append("<MessageId>").append(MESSAGE_ID).append("</MessageId>");
        }
        String xml = "<" + action + "Response xmlns=\"" + SNS_XMLNS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></" + action + "Response>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static Canned s3(SdkHttpRequest request) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("ETag", "\"" + md5("priming") + "\"");
        headers.put("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
        if (request.method() == SdkHttpMethod.GET && request.firstMatchingRawQueryParameter("list-type").isPresent()) {
            String xml = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>priming</Name><Prefix></Prefix>"
                    + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>";
            return new Canned("application/xml", xml.getBytes(StandardCharsets.UTF_8), headers);
        }
        byte[] body = request.method() == SdkHttpMethod.GET ? "priming".getBytes(StandardCharsets.UTF_8) : new byte[0];
        return new Canned(request.method() == SdkHttpMethod.GET ? "text/plain" : "application/xml", body, headers);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
    }
}
