package org.breachtriage.bench.cold;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The part of the Lambda Runtime API (2018-06-01) a cold start needs: the events given, served one per
 * {@code invocation/next}, and when each was handed out and when its {@code /response} (or
 * {@code /error}) arrived. Loopback only; a {@code next} after the last event is left hanging, as
 * Lambda freezes the environment then.
 */
final class LocalRuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** When the event was handed out and when the runtime answered (System.nanoTime), and what. */
    record Answer(long servedNanos, long atNanos, double cpuSeconds, boolean error, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> events;
    private final List<String> requestIds = new ArrayList<>();
    private final List<CompletableFuture<Answer>> answers = new ArrayList<>();
    private final long[] servedAt;
    private final AtomicInteger next = new AtomicInteger();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private volatile DoubleSupplier cpuProbe = () -> Double.NaN;

    LocalRuntimeApi(List<String> events) throws IOException {
        this.events = List.copyOf(events);
        this.servedAt = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            requestIds.add(UUID.randomUUID().toString());
            answers.add(new CompletableFuture<>());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** What to read as the runtime's CPU time when an answer arrives (the measured process's, once started). */
    void cpuProbe(DoubleSupplier probe) {
        this.cpuProbe = probe;
    }

    /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The answer to the event at this index (0: the first), waiting for it. */
    Answer await(int index, Duration timeout) throws Exception {
        return answers.get(index).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("invocation/next")) {
            int index = next.getAndIncrement();
            if (index >= events.size()) {
                closed.join(); // no more events: the process is ended once the last is answered
                return;
            }
            servedAt[index] = System.nanoTime();
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", requestIds.get(index));
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:eu-west-2:000000000000:function:breach-triage-cold-score:live");
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            respond(exchange, 200, events.get(index));
        } else if (path.endsWith("/response") || path.endsWith("/error")) {
            String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
            int index = requestIds.indexOf(id);
            if (index >= 0) {
                answers.get(index).complete(new Answer(servedAt[index], at, cpuProbe.getAsDouble(), path.endsWith("/error"), body));
            }
            respond(exchange, 202, "{\"status\":\"OK\"}");
        } else if (path.equals("init/error")) {
            answers.forEach(a -> a.complete(new Answer(at, at, Double.NaN, true, body)));
            respond(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            respond(exchange, 404, "{}");
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
        long now = System.nanoTime();
        answers.forEach(a -> a.complete(new Answer(now, now, Double.NaN, true, "closed")));
        closed.complete(null);
        server.stop(0);
        executor.shutdownNow();
    }
}
