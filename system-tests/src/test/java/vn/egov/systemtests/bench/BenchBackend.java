package vn.egov.systemtests.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in backend for the gateway-overhead benchmark: answers every request after a fixed service time
 * (20 ms by default, like a real lookup) and counts requests that arrived without the relayed bearer token.
 */
final class BenchBackend implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong withoutToken = new AtomicLong();

    BenchBackend(int port, long serviceMillis) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                withoutToken.incrementAndGet();
            }
            try {
                Thread.sleep(serviceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    long requestsWithoutToken() {
        return withoutToken.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
