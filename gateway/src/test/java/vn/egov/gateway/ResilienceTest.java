package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.support.GatewayTestBase;
import vn.egov.gateway.support.TestBackend;

/**
 * Services that are down or slow: the caller gets 503 {@code problem+json} naming the service within the
 * route's time limit, and once the breaker is open the gateway stops calling the service at all.
 */
class ResilienceTest extends GatewayTestBase {

    @Test
    void aServiceThatIsDownIs503AndItsBreakerOpensAndStopsCallingIt() {
        String token = env.tokens.client("demo-integrator");

        // interchange is down: connection refused, counted by the breaker (window 4, threshold 50 %)
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = http.get("/api/interchange/caller", token);
            assertProblem(response, 503, "service-unavailable");
            assertThat((String) JsonPath.read(response.body(), "$.detail"))
                    .contains("Trục liên thông văn bản quốc gia");
        }

        // interchange comes back, but the breaker is open: the gateway answers at once without calling it
        try (TestBackend interchange = TestBackend.start(env.interchangePort)) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.get("/api/interchange/caller", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertProblem(response, 503, "service-circuit-open");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(took).isLessThan(Duration.ofMillis(500));
            assertThat(interchange.hits()).isZero();
        }
    }

    @Test
    void aSlowServiceIsCutAtItsOwnTimeLimitWith503() {
        long started = System.nanoTime();
        HttpResponse<String> response = http.get("/api/reports/slow?ms=5000", env.tokens.client("demo-integrator"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 503, "service-timeout");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("Hệ thống thông tin báo cáo");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500)); // reporting: 1 s
    }

    @Test
    void aPostLongerThanOneSecondIsNotCut() {
        HttpResponse<String> response = http.send(http.request("/api/portal/slow?ms=1500")
                .header("Authorization", "Bearer " + env.tokens.client("demo-integrator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dossier\":\"1\"}"))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(env.backend.last().method()).isEqualTo("POST");
    }

    @Test
    void fortyCallsInFlightToOneServiceAreAllServedAndDoNotOpenItsBreaker() throws Exception {
        String token = env.tokens.client("demo-integrator");
        List<Callable<Integer>> calls = IntStream.range(0, 40)
                .<Callable<Integer>>mapToObj(
                        i -> () -> http.get("/api/portal/slow?ms=700", token).statusCode())
                .toList();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Integer> statuses = callers.invokeAll(calls).stream()
                    .map(ResilienceTest::result)
                    .toList();
            assertThat(statuses)
                    .as("no bulkhead refusing calls beyond 25 in flight")
                    .containsOnly(200);
        }
        HttpResponse<String> after = http.get("/api/portal/caller", token);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }

    private static Integer result(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
