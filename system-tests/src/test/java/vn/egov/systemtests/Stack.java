package vn.egov.systemtests;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The running stack, as the README's {@code ./egov up} starts it: its URLs and the demo accounts. */
final class Stack {

    static final String GATEWAY = System.getProperty("egov.gateway.url", "http://localhost:8080");
    static final String ISSUER = System.getProperty("egov.oidc.issuer", "http://localhost:8180/realms/egov");
    static final String TOKEN_ENDPOINT = ISSUER + "/protocol/openid-connect/token";

    static final String INTEGRATOR_ID = "demo-integrator";
    static final String INTEGRATOR_SECRET = "demo-integrator-secret";
    static final String OUTSIDER_ID = "demo-outsider";
    static final String OUTSIDER_SECRET = "demo-outsider-secret";
    static final String CITIZEN = "001099012345";
    static final String PASSWORD = "Egov@2026";

    /** Every service behind the gateway, by its API prefix. */
    static final Map<String, String> API_PREFIXES = Map.of(
            "portal", "/api/portal",
            "interchange", "/api/interchange",
            "registry", "/api/registry",
            "reporting", "/api/reports");

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {}

    static String clientCredentialsToken(String clientId, String secret) throws IOException, InterruptedException {
        return token(
                clientId, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A user's token by the password grant of the test-only client {@code egov-test} (demo password). */
    static String passwordToken(String username) throws IOException, InterruptedException {
        return token(
                username,
                Map.of(
                        "grant_type", "password",
                        "client_id", "egov-test",
                        "client_secret", "egov-test-secret",
                        "username", username,
                        "password", PASSWORD));
    }

    private static String token(String who, Map<String, String> grant) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(TOKEN_ENDPOINT))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(grant))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "token request for " + who + " failed: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }

    static HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
