package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
}
