package vn.egov.systemtests.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak on this machine: password logins per second (the demo citizen through the {@code egov-test}
 * client's direct grant, which runs the same password hashing as the login form) and client-credential grants
 * per second ({@code demo-integrator}). Run against the stack from {@code ./egov up}:
 *
 * <pre>./mvnw -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.egov.systemtests.bench.KeycloakBenchmark</pre>
 *
 * Arguments: {@code loginRate=15 grantRate=120 seconds=30 runs=3}.
 */
public final class KeycloakBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        String issuer = options.getOrDefault("issuer", "http://localhost:8180/realms/egov");
        double loginRate = Double.parseDouble(options.getOrDefault("loginRate", "15"));
        double grantRate = Double.parseDouble(options.getOrDefault("grantRate", "120"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        URI token = URI.create(issuer + "/protocol/openid-connect/token");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String login = form(Map.of(
                "grant_type", "password",
                "client_id", "egov-test",
                "client_secret", "egov-test-secret",
                "username", "001099012345",
                "password", "Egov@2026",
                "scope", "openid"));
        String grant = form(Map.of(
                "grant_type", "client_credentials",
                "client_id", "demo-integrator",
                "client_secret", "demo-integrator-secret"));

        List<OpenLoad.Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(OpenLoad.run(
                    "password login #" + run,
                    loginRate,
                    Duration.ofSeconds(5),
                    duration,
                    () -> post(http, token, login)));
            results.add(OpenLoad.run(
                    "client credentials #" + run,
                    grantRate,
                    Duration.ofSeconds(5),
                    duration,
                    () -> post(http, token, grant)));
        }
        results.forEach(System.out::println);
    }

    static java.util.concurrent.CompletableFuture<HttpResponse<Void>> post(HttpClient http, URI uri, String body) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private KeycloakBenchmark() {}
}
