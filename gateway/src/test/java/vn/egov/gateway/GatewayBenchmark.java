package vn.egov.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.egov.gateway.support.TestEnvironment;

/**
 * Bearer calls through the gateway to a trivial backend, closed loop, per rate-limit mode: what the shared
 * rate limit adds to a request. A measurement, not a test (client, gateway, backend and PostgreSQL share the
 * machine): {@code ./mvnw -B -pl gateway test -Dtest=GatewayBenchmark -Degov.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "egov.benchmark", matches = "true")
class GatewayBenchmark {

    static final int CLIENTS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(10);

    @Test
    void measure() throws Exception {
        TestEnvironment env = TestEnvironment.get();
        System.out.println("rate limit        req/s    p50 ms   p99 ms  (" + CLIENTS + " clients)");
        for (String mode : List.of("off", "exact", "delayed")) {
            List<String> arguments = new ArrayList<>();
            env.properties().forEach((name, value) -> {
                if (!name.startsWith("management.tracing")) {
                    arguments.add("--" + name + "=" + value);
                }
            });
            arguments.add("--server.port=0");
            arguments.add("--logging.level.vn.egov.gateway.access=WARN");
            arguments.add("--management.tracing.sampling.probability=0.1");
            arguments.add("--egov.gateway.rate-limit.enabled=" + !mode.equals("off"));
            if (!mode.equals("off")) {
                arguments.add("--egov.gateway.rate-limit.sync.mode=" + mode);
            }
            try (ConfigurableApplicationContext gateway =
                    new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new))) {
                int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
                URI uri = URI.create("http://localhost:" + port + "/api/portal/caller");
                String token = env.tokens.client("bench-client");
                load(uri, token, WARM_UP);
                Result result = load(uri, token, MEASURE);
                System.out.printf(
                        "%-12s %10.0f %9.2f %8.2f%n",
                        mode,
                        result.count / (double) MEASURE.toSeconds(),
                        result.histogram.getValueAtPercentile(50) / 1e6,
                        result.histogram.getValueAtPercentile(99) / 1e6);
            }
        }
    }

    record Result(long count, Histogram histogram) {}

    static Result load(URI uri, String token, Duration duration) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong count = new AtomicLong();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Histogram>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            results.add(clients.submit(() -> {
                Histogram mine = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    mine.recordValue(Math.min(System.nanoTime() - started, TimeUnit.SECONDS.toNanos(10)));
                    count.incrementAndGet();
                }
                return mine;
            }));
        }
        Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (Future<Histogram> result : results) {
            all.add(result.get());
        }
        clients.shutdown();
        return new Result(count.get(), all);
    }
}
