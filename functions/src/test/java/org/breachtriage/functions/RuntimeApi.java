package org.breachtriage.functions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01), as much of it as one function's runtime uses: the runtime
 * long-polls {@code invocation/next} for an event, then posts {@code invocation/<id>/response} or
 * {@code .../error}; {@code init/error} if the handler cannot be loaded. Loopback only.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** What the runtime answered: its serialised result, or the error document it reported. */
    record Answer(String requestId, boolean error, String body) {
    }

    private record Invocation(String requestId, String event) {
    }

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    RuntimeApi(String functionArn) throws IOException {
        this.functionArn = functionArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hands the runtime this event and waits for its answer. */
    Answer invoke(String event, Duration timeout) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event);
        CompletableFuture<Answer> answer = answers.computeIfAbsent(invocation.requestId(), id -> new CompletableFuture<>());
        pending.add(invocation);
        CompletableFuture<Object> first = CompletableFuture.anyOf(answer, initError);
        Object result = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result instanceof String init) {
            throw new AssertionError("the runtime could not load the handler: " + init);
        }
        return (Answer) result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("invocation/next")) {
                Invocation next = pending.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                respond(exchange, 200, next.event());
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                answers.computeIfAbsent(requestId, id -> new CompletableFuture<>())
                        .complete(new Answer(requestId, path.endsWith("/error"), body));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                initError.complete(body);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"not part of this Runtime API: " + path + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
