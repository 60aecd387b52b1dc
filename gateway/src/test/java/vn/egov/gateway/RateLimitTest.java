package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.egov.gateway.support.GatewayTestBase;
import vn.egov.gateway.support.Http;
import vn.egov.gateway.support.TestEnvironment;

/**
 * Per-client limits whose state two gateway replicas share through PostgreSQL: the client {@code limited-client}
 * may make 3 calls (then 1 per hour), wherever they land.
 */
class RateLimitTest extends GatewayTestBase {

    static ConfigurableApplicationContext secondReplica;

    @BeforeAll
    static void startSecondReplica() {
        // command-line arguments, so they win over application.yaml like the test's dynamic properties do
        // (a random port too: default properties would lose to application.yaml's 8080)
        String[] arguments = java.util.stream.Stream.concat(
                        env.properties().entrySet().stream()
                                .map(property -> "--" + property.getKey() + "=" + property.getValue()),
                        java.util.stream.Stream.of("--server.port=0"))
                .toArray(String[]::new);
        secondReplica = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void twoReplicasShareOneClientsLimitAndRefuseWith429() {
        Http other = new Http(Integer.parseInt(secondReplica.getEnvironment().getProperty("local.server.port")));
        String token = env.tokens.client(TestEnvironment.LIMITED_CLIENT);

        HttpResponse<String> first = http.get("/api/portal/caller", token);
        HttpResponse<String> second = other.get("/api/portal/caller", token);
        HttpResponse<String> third = http.get("/api/registry/caller", token);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        for (Http replica : new Http[] {http, other}) {
            HttpResponse<String> refused = replica.get("/api/portal/caller", token);
            assertProblem(refused, 429, "rate-limited");
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        }
        assertThat(env.backend.hits()).isEqualTo(3);

        // another client is not affected
        assertThat(http.get("/api/portal/caller", env.tokens.client("demo-integrator"))
                        .statusCode())
                .isEqualTo(200);
    }
}
