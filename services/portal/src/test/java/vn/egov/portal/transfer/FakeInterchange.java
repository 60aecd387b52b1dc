package vn.egov.portal.transfer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server speaking the interchange's documented API shape ({@code contracts/openapi/interchange.yaml}):
 * {@code POST /api/interchange/packages} (202 {@code {id, documentId, recipients, duplicate}}, or a problem),
 * {@code GET /api/interchange/packages/{id}/timeline} (per-recipient {@code statusCode}), and a client-credentials
 * token endpoint. The portal cannot depend on the interchange module, so its tests talk to this stand-in.
 */
final class FakeInterchange implements AutoCloseable {

    enum Mode {
        UP,
        BUSY,
        REFUSING
    }

    final HttpServer server;
    volatile Mode mode = Mode.UP;
    final List<byte[]> packages = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final Map<String, UUID> ids = new ConcurrentHashMap<>();
    final Map<UUID, String> statuses = new ConcurrentHashMap<>();
    final Map<UUID, String> recipients = new ConcurrentHashMap<>();

    FakeInterchange() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/api/interchange/packages", this::packages);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=portal-one-stop")) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"t-portal\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void packages(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (exchange.getRequestMethod().equals("GET") && path.endsWith("/timeline")) {
            UUID id = UUID.fromString(path.split("/")[4]);
            String code = statuses.get(id);
            String recipient = recipients.get(id);
            respond(exchange, 200, """
                    {"id":"%s","recipients":[{"recipient":"%s","state":"DELIVERED","statusCode":%s,
                     "statusMeaning":%s,"events":[]}]}""".formatted(
                            id,
                            recipient,
                            code == null ? "null" : "\"" + code + "\"",
                            code == null ? "null" : "\"trạng thái " + code + "\""));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        packages.add(body);
        switch (mode) {
            case BUSY ->
                respond(
                        exchange,
                        503,
                        "{\"type\":\"urn:egov:problem:busy\",\"status\":503,\"code\":\"busy\",\"detail\":\"Trục đang bận\"}");
            case REFUSING ->
                respond(
                        exchange,
                        422,
                        "{\"type\":\"urn:egov:problem:unknown-recipient\",\"status\":422,\"code\":\"unknown-recipient\","
                                + "\"detail\":\"Cơ quan nhận chưa đăng ký\"}");
            case UP -> {
                String text = new String(body, StandardCharsets.UTF_8);
                String documentId = between(text, "<edXML:DocumentId>", "</edXML:DocumentId>");
                String to = between(between(text, "<edXML:To>", "</edXML:To>"), "<edXML:OrganId>", "</edXML:OrganId>");
                boolean duplicate = ids.containsKey(documentId);
                UUID id = ids.computeIfAbsent(documentId, k -> UUID.randomUUID());
                recipients.put(id, to);
                respond(exchange, 202, """
                        {"id":"%s","documentId":"%s","packageSha256":"x","recipients":[{"code":"%s","deliveryId":"%s"}],
                         "duplicate":%s}""".formatted(id, documentId, to, UUID.randomUUID(), duplicate));
            }
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        return from < 0 ? "" : text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
