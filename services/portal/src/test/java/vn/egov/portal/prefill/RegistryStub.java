package vn.egov.portal.prefill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the population registry's HTTP API in the portal's tests (the registry is another deployable):
 * it speaks the two endpoints pre-fill uses, as documented in the registry README, and enforces the same rule —
 * a read for {@code portal-prefill} needs a consent for that dossier reference and covers only consented fields
 * (403 {@code no-consent} / {@code fields-not-agreed} otherwise). It records every request, and can be stopped
 * to play an outage.
 */
public final class RegistryStub implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String query, String authorization, String body) {}

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> consents = Collections.synchronizedMap(new LinkedHashMap<>());
    private final int port;
    private volatile boolean refuseReads;

    public RegistryStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/api/registry/me/consents", this::consent);
        server.createContext("/api/registry/citizens/", this::read);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** From now on, reads are refused (403 {@code no-consent}), as when the consent was revoked meanwhile. */
    public void refuseReads(boolean refuse) {
        this.refuseReads = refuse;
    }

    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void consent(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        record(exchange, body);
        // the portal sends {"dossierReference": ..., "clientId": ..., "fields": [...]}
        String reference = between(body, "\"dossierReference\":\"", "\"");
        String fields = between(body, "\"fields\":[", "]");
        List<String> names = new ArrayList<>();
        for (String f : fields.split(",")) {
            names.add(f.replace("\"", "").strip());
        }
        consents.put(reference, names);
        String id = UUID.randomUUID().toString();
        respond(
                exchange,
                201,
                "{\"id\":\"" + id + "\",\"purpose\":\"portal-prefill\",\"dossierReference\":\"" + reference + "\"}");
    }

    private void read(HttpExchange exchange) throws IOException {
        record(exchange, "");
        String pid = exchange.getRequestURI().getPath().substring("/api/registry/citizens/".length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        List<String> consented = consents.get(query.get("reference"));
        if (refuseReads || !"portal-prefill".equals(query.get("purpose")) || consented == null) {
            respond(exchange, 403, "{\"code\":\"no-consent\"}");
            return;
        }
        StringBuilder json = new StringBuilder("{\"pid\":\"" + pid + "\"");
        for (String field : query.get("fields").split(",")) {
            if (!consented.contains(field)) {
                respond(exchange, 403, "{\"code\":\"fields-not-agreed\"}");
                return;
            }
            json.append(",\"").append(field).append("\":").append(value(field));
        }
        respond(exchange, 200, json.append('}').toString());
    }

    /** The demo citizen of the registry's dev seed, Nguyễn Văn An. */
    private static String value(String field) {
        return switch (field) {
            case "fullName" -> "\"Nguyễn Văn An\"";
            case "dateOfBirth" -> "\"1999-05-19\"";
            case "sex" -> "\"MALE\"";
            case "nationality" -> "\"Việt Nam\"";
            case "ethnicity" -> "{\"code\":\"01\",\"name\":\"Kinh\"}";
            case "permanentResidence" ->
                "{\"kind\":\"PERMANENT\",\"addressLine\":\"18 Hoàng Diệu\",\"communeCode\":\"01-001\","
                        + "\"communeName\":\"Phường Ba Đình\",\"provinceCode\":\"01\",\"provinceName\":\"Hà Nội\","
                        + "\"validFrom\":\"1999-06-01\",\"validTo\":null}";
            case "currentResidence" -> "null";
            default -> "null";
        };
    }

    private void record(HttpExchange exchange, String body) {
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String between(String text, String start, String end) {
        String compact = text.replace(" ", "");
        int from = compact.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        return compact.substring(from, compact.indexOf(end, from));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
