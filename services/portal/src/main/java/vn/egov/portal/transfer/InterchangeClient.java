package vn.egov.portal.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The interchange's REST API as the portal uses it ({@code contracts/openapi/interchange.yaml}): send a signed
 * package ({@code POST /api/interchange/packages}, 202 with the document id, a resend recognised as
 * {@code duplicate}) and read the sender's per-recipient timeline ({@code GET /api/interchange/packages/{id}/timeline}).
 * Authenticates with a client-credentials token when a token endpoint is configured.
 */
public class InterchangeClient {

    /** The interchange answered; {@code status} is the HTTP status. */
    public record Answer(int status, JsonNode body, String text) {
        public boolean accepted() {
            return status == 202 || status == 200;
        }

        /** Worth another attempt later: the axis is busy, overloaded or failing, or throttling us. */
        public boolean transientFailure() {
            return status >= 500 || status == 429 || status == 408 || status == 401;
        }
    }

    private final TransferProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public InterchangeClient(TransferProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** @throws IOException when the interchange cannot be reached */
    public Answer send(byte[] signedPackage) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(properties.interchangeUrl() + "/api/interchange/packages"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/xml")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signedPackage));
        return call(request);
    }

    public Answer timeline(UUID interchangeId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        properties.interchangeUrl() + "/api/interchange/packages/" + interchangeId + "/timeline"))
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .GET();
        return call(request);
    }

    private Answer call(HttpRequest.Builder request) throws IOException {
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                forgetToken();
            }
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpiry = Instant.EPOCH;
    }

    private synchronized String token() throws IOException {
        if (properties.tokenUri() == null || properties.tokenUri().isBlank()) {
            return null;
        }
        if (token != null && clock.instant().isBefore(tokenExpiry)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId()) + "&client_secret="
                + encode(properties.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.tokenUri()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token endpoint answered " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asString();
            long expiresIn = body.path("expires_in").asLong(60);
            tokenExpiry = clock.instant().plusSeconds(Math.max(expiresIn - 30, 5));
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
