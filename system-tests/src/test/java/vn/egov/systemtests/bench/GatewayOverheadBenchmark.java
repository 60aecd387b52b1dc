package vn.egov.systemtests.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gateway adds to an API call: the same 20 ms backend called directly and through a gateway that
 * checks the JWT, applies the shared per-client rate limit and relays the token, side by side at a fixed
 * arrival rate (open model), three times each, interleaved. A stand-in issuer serves the JWK set and counts its
 * calls, which shows how many identity-provider calls an API request costs.
 *
 * <p>Needs the gateway jar ({@code ./mvnw -pl gateway package}) and the stack's PostgreSQL (for the shared
 * rate-limit state: {@code ./egov up}). Run:
 *
 * <pre>./mvnw -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=vn.egov.systemtests.bench.GatewayOverheadBenchmark -Dexec.args="rate=200 seconds=60"</pre>
 */
public final class GatewayOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        long serviceMillis = Long.parseLong(options.getOrDefault("serviceMillis", "20"));
        Path jar = Path.of(options.getOrDefault("gatewayJar", "gateway/target/gateway.jar"));
        if (!Files.exists(jar)) {
            jar = Path.of("..").resolve(jar);
        }
        int backendPort = 18090;
        int issuerPort = 18091;
        int gatewayPort = 18080;

        try (BenchIssuer issuer = new BenchIssuer(issuerPort);
                BenchBackend backend = new BenchBackend(backendPort, serviceMillis)) {
            Process gateway = startGateway(jar, gatewayPort, issuer.issuer(), "http://localhost:" + backendPort);
            try {
                String token = issuer.token("bench-client", new BenchIssuer.Lifetime(3600));
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                        .build();
                URI direct = URI.create("http://localhost:" + backendPort + "/api/registry/caller");
                URI viaGateway = URI.create("http://localhost:" + gatewayPort + "/api/registry/caller");
                waitUntilServed(http, viaGateway, token);

                long issuerCallsBefore = issuer.calls();
                long requests = 0;
                List<OpenLoad.Result> results = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    var d = OpenLoad.run(
                            "direct #" + run, rate, Duration.ofSeconds(10), duration, () -> get(http, direct, token));
                    var g = OpenLoad.run(
                            "gateway #" + run,
                            rate,
                            Duration.ofSeconds(10),
                            duration,
                            () -> get(http, viaGateway, token));
                    requests += g.requests();
                    if (d.errors() + g.errors() > 0) {
                        System.out.println("  run discarded: non-2xx answers (e.g. 429 while a stale bucket refills)");
                    } else {
                        results.add(d);
                        results.add(g);
                    }
                    System.out.println(d);
                    System.out.println(g);
                    System.out.printf(
                            "  added by the gateway: p50 %+.2f ms, p99 %+.2f ms%n",
                            g.p50Ms() - d.p50Ms(), g.p99Ms() - d.p99Ms());
                }
                long issuerCalls = issuer.calls() - issuerCallsBefore;
                System.out.printf(
                        "identity-provider calls during %d gateway requests: %d (%.4f per request)%n",
                        requests, issuerCalls, (double) issuerCalls / Math.max(1, requests));
                System.out.printf("backend requests without the relayed token: %d%n", backend.requestsWithoutToken());
                printMedians(results);
            } finally {
                gateway.destroy();
                gateway.waitFor();
            }
        }
    }

    static void printMedians(List<OpenLoad.Result> results) {
        if (results.isEmpty()) {
            System.out.println("no error-free run: no figure");
            return;
        }
        double[] p50 = results.stream()
                .filter(r -> r.name().startsWith("gateway"))
                .mapToDouble(OpenLoad.Result::p50Ms)
                .sorted()
                .toArray();
        double[] p99 = results.stream()
                .filter(r -> r.name().startsWith("gateway"))
                .mapToDouble(OpenLoad.Result::p99Ms)
                .sorted()
                .toArray();
        double[] d50 = results.stream()
                .filter(r -> r.name().startsWith("direct"))
                .mapToDouble(OpenLoad.Result::p50Ms)
                .sorted()
                .toArray();
        double[] d99 = results.stream()
                .filter(r -> r.name().startsWith("direct"))
                .mapToDouble(OpenLoad.Result::p99Ms)
                .sorted()
                .toArray();
        int mid = p50.length / 2;
        System.out.printf(
                "median of runs: direct p50 %.2f / p99 %.2f ms; gateway p50 %.2f / p99 %.2f ms; added p50 %+.2f ms, p99 %+.2f ms%n",
                d50[mid], d99[mid], p50[mid], p99[mid], p50[mid] - d50[mid], p99[mid] - d99[mid]);
    }

    static Process startGateway(Path jar, int port, String issuer, String backend) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--egov.gateway.rate-limit.clients.bench-client.capacity=1000000",
                        "--egov.gateway.rate-limit.clients.bench-client.refill=1000000",
                        "--egov.gateway.rate-limit.clients.bench-client.period=1s",
                        "--logging.level.vn.egov.gateway.access=WARN")
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "bench-gateway.log"));
        builder.environment()
                .putAll(Map.of(
                        "SERVER_PORT",
                        Integer.toString(port),
                        "EGOV_OIDC_ISSUER",
                        issuer,
                        "EGOV_REGISTRY_URL",
                        backend,
                        "EGOV_TRACE_SAMPLING",
                        "0.0"));
        return builder.start();
    }

    static void waitUntilServed(HttpClient http, URI uri, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(http, uri, token).get().statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // the gateway is still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the gateway did not serve " + uri + " within 90 s; see bench-gateway.log");
    }

    static java.util.concurrent.CompletableFuture<HttpResponse<Void>> get(HttpClient http, URI uri, String token) {
        return http.sendAsync(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private GatewayOverheadBenchmark() {}
}
