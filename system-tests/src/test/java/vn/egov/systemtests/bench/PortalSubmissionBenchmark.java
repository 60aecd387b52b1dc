package vn.egov.systemtests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end dossier submissions (the portal issue's benchmark): the demo citizen, logged in through Keycloak,
 * starts a dossier with a complete form ({@code POST /api/portal/dossiers}) and submits it with an
 * Idempotency-Key ({@code POST /api/portal/dossiers/{id}/submission}: JSON Schema validation, dossier code,
 * receipt, status change with history and outbox event in one transaction). One "dossier" = both requests; its
 * latency counts from when it was due (open model) to the receipt. Runs through the gateway and, for
 * comparison, straight to the portal with the same token; reads the portal's Hikari metrics before and after
 * each run to show how long each dossier held a database connection.
 *
 * <p>Run against the stack from {@code ./egov up} (the gateway's per-client rate limit, 100/s refill by default,
 * caps a single client at 50 dossiers/s unless {@code EGOV_RATE_LIMIT_ENABLED=false}):
 *
 * <pre>./mvnw -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.egov.systemtests.bench.PortalSubmissionBenchmark -Dexec.args="rate=40 seconds=60"</pre>
 *
 * Arguments: {@code rate} (dossiers/s), {@code seconds}, {@code warmUp} (s), {@code runs}, {@code via}
 * ({@code gateway}, {@code direct} or {@code both}, gateway first), {@code gateway}, {@code portal}, {@code issuer}.
 */
public final class PortalSubmissionBenchmark {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final String PROCEDURE = "2.002165";
    static final String FORM = """
            {"nguoiNopHoSo": {"hoTen": "Nguyễn Văn An", "soDinhDanh": "001099012345", "email": "an@example.vn",
               "soDienThoai": "0912345678", "diaChi": "18 Hoàng Diệu, Ba Đình, Hà Nội"},
             "tieuDe": "Đề nghị đơn giản hóa thủ tục đăng ký thường trú",
             "noiDung": "Đề nghị cho phép nộp bản điện tử giấy tờ chứng minh chỗ ở hợp pháp thay cho bản sao chứng thực.",
             "coQuanLienQuan": "Bộ Công an", "dongYCongKhai": true}""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String portal = options.getOrDefault("portal", "http://localhost:8081");
        String issuer = options.getOrDefault("issuer", "http://localhost:8180/realms/egov");
        double rate = Double.parseDouble(options.getOrDefault("rate", "40"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmUp", "10")));
        int runs = Integer.parseInt(options.getOrDefault("runs", "1"));
        String via = options.getOrDefault("via", "both");

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        AtomicReference<String> token = new AtomicReference<>(login(http, issuer));
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor();
        refresh.scheduleAtFixedRate(
                () -> {
                    try {
                        token.set(login(http, issuer));
                    } catch (Exception e) {
                        System.out.println("token refresh failed: " + e);
                    }
                },
                60,
                60,
                TimeUnit.SECONDS);
        try {
            List<OpenLoad.Result> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                if (!via.equals("direct")) {
                    results.add(measure(http, gateway, portal, "gateway #" + run, rate, warmUp, duration, token));
                }
                if (!via.equals("gateway")) {
                    results.add(measure(http, portal, portal, "direct #" + run, rate, warmUp, duration, token));
                }
            }
            System.out.println();
            results.forEach(System.out::println);
        } finally {
            refresh.shutdownNow();
        }
    }

    static OpenLoad.Result measure(
            HttpClient http,
            String base,
            String portal,
            String name,
            double rate,
            Duration warmUp,
            Duration duration,
            AtomicReference<String> token)
            throws Exception {
        double[] before = hikari(http, portal);
        OpenLoad.Result result = OpenLoad.run(name, rate, warmUp, duration, () -> dossier(http, base, token.get()));
        double[] after = hikari(http, portal);
        double acquisitions = after[1] - before[1];
        System.out.println(result);
        if (acquisitions > 0) {
            System.out.printf(
                    "  database: %.0f connection uses, mean hold %.2f ms, mean wait for a connection %.2f ms;"
                            + " %.1f uses per dossier (warm-up included)%n",
                    acquisitions,
                    (after[0] - before[0]) * 1000 / acquisitions,
                    (after[2] - before[2]) * 1000 / acquisitions,
                    acquisitions / (result.offeredPerSecond() * (warmUp.toSeconds() + duration.toSeconds())));
        }
        return result;
    }

    /** Start a dossier, then submit it; completes with the submission's answer (or the failed start). */
    static CompletableFuture<HttpResponse<String>> dossier(HttpClient http, String base, String token) {
        HttpRequest start = HttpRequest.newBuilder(URI.create(base + "/api/portal/dossiers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"procedureCode\":\"" + PROCEDURE + "\",\"form\":" + FORM + "}", StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(start, HttpResponse.BodyHandlers.ofString()).thenCompose(created -> {
            Matcher id = ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                return CompletableFuture.completedFuture(created);
            }
            HttpRequest submit = HttpRequest.newBuilder(
                            URI.create(base + "/api/portal/dossiers/" + id.group(1) + "/submission"))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            return http.sendAsync(submit, HttpResponse.BodyHandlers.ofString());
        });
    }

    /** The portal's Hikari pool: seconds connections were held, times acquired, seconds spent waiting. */
    static double[] hikari(HttpClient http, String portal) {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create(portal + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return new double[] {
                sum(text, "hikaricp_connections_usage_seconds_sum"),
                sum(text, "hikaricp_connections_usage_seconds_count"),
                sum(text, "hikaricp_connections_acquire_seconds_sum")
            };
        } catch (Exception e) {
            return new double[] {0, 0, 0};
        }
    }

    static double sum(String prometheus, String metric) {
        double total = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    static String login(HttpClient http, String issuer) throws Exception {
        return BenchTokens.token(
                http,
                issuer,
                Map.of(
                        "grant_type", "password",
                        "client_id", "egov-test",
                        "client_secret", "egov-test-secret",
                        "username", "001099012345",
                        "password", "Egov@2026",
                        "scope", "openid"));
    }

    private PortalSubmissionBenchmark() {}
}
