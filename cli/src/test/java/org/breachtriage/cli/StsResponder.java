package org.breachtriage.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny STS on the loopback address that answers GetCallerIdentity as STS does (the query protocol's
 * XML), with the ARN that the test gives the access key the request was signed with (read from its
 * SigV4 {@code Authorization} header). Anything else gets STS's error shape. It records each request,
 * so a test can see that STS was asked, and asked right.
 */
final class StsResponder implements AutoCloseable {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[0-9]{8}/([^/]+)/sts/aws4_request");

    /** One request as it arrived: the access key and region it was signed with, and its form body. */
    record Request(String accessKeyId, String region, String body) {
    }

    private final HttpServer server;
    private final Map<String, String> arnsByAccessKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StsResponder(Map<String, String> arnsByAccessKey) throws IOException {
        this.arnsByAccessKey = Map.copyOf(arnsByAccessKey);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher credential = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String key = credential.find() ? credential.group(1) : null;
            requests.add(new Request(key, key == null ? null : credential.group(2), body));
            String arn = key == null ? null : this.arnsByAccessKey.get(key);
            boolean identity = "POST".equals(exchange.getRequestMethod()) && body.contains("Action=GetCallerIdentity");
            byte[] answer = (identity && arn != null ? identity(arn) : error(identity ? "InvalidClientTokenId"
                    : "InvalidAction")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(identity && arn != null ? 200 : (identity ? 403 : 400), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** GetCallerIdentityResponse as STS writes it (2011-06-15). */
    private static String identity(String arn) {
        String account = arn.split(":")[4];
        return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + arn + "</Arn>\n"
                + "    <UserId>AIDA" + Integer.toHexString(arn.hashCode()).toUpperCase() + "EXAMPLE</UserId>\n"
                + "    <Account>" + account + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
    }

    private static String error(String code) {
        return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + code + "</Message></Error>\n"
                + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
