package vn.egov.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small real HTTP server standing in for a backbone service (and, on the same port, for the realm's key
 * endpoint). It records every request it receives, answers API paths with a JSON echo, {@code /slow?ms=N} after
 * N milliseconds, and {@code /v3/api-docs} with a minimal OpenAPI document.
 */
public final class TestBackend implements AutoCloseable {

    /** What the service saw of one request. */
    public record Received(String method, String path, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final Map<String, Function<HttpExchange, Reply>> extra = new ConcurrentHashMap<>();

    /** A scripted answer: status and JSON body. */
    public record Reply(int status, String json) {
        public static Reply ok(String json) {
            return new Reply(200, json);
        }
    }

    private TestBackend(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestBackend start() {
        return start(0);
    }

    public static TestBackend start(int port) {
        try {
            return new TestBackend(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Answers {@code path} (exact) with the JSON {@code body} computes. */
    public void answer(String path, Function<HttpExchange, String> body) {
        extra.put(path, exchange -> Reply.ok(body.apply(exchange)));
    }

    /** Answers {@code path} (exact) with what {@code reply} computes; the request body is attribute "body". */
    public void reply(String path, Function<HttpExchange, Reply> reply) {
        extra.put(path, reply);
    }

    public int hits() {
        return hits.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.getLast();
    }

    public void reset() {
        received.clear();
        hits.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            exchange.setAttribute("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Function<HttpExchange, Reply> special = extra.get(path);
            if (special != null) {
                Reply reply = special.apply(exchange);
                respond(exchange, reply.status(), reply.json());
                return;
            }
            hits.incrementAndGet();
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders())));
            if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"test\",\"version\":\"1\"}}");
                return;
            }
            if (path.endsWith("/slow")) {
                String query = exchange.getRequestURI().getQuery();
                long millis = query != null && query.startsWith("ms=") ? Long.parseLong(query.substring(3)) : 5000;
                Thread.sleep(millis);
            }
            // a service that would like to be cached and to set a cookie: the gateway must not let it
            exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
            exchange.getResponseHeaders().add("Set-Cookie", "service=1; Path=/");
            respond(exchange, 200, "{\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            // the gateway gave up on this request: nothing left to answer
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
