package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import vn.egov.gateway.support.GatewayTestBase;
import vn.egov.gateway.support.TestBackend;

/**
 * The gateway as integrators meet it: a real server in front of a real backend, tokens signed by a test key
 * whose JWKS the backend serves, rate-limit state in a real PostgreSQL.
 */
class GatewayTest extends GatewayTestBase {

    @Test
    void withoutTokenAnApiCallIs401ProblemWithoutRedirect() {
        HttpResponse<String> response = http.get("/api/portal/caller", null);

        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(env.backend.hits()).isZero();

        HttpResponse<String> fromBrowser = http.send(http.request("/api/portal/caller")
                .header("Accept", "text/html")
                .GET()
                .build());
        assertProblem(fromBrowser, 401, "unauthorized");
    }

    @Test
    void validTokenIsPassedThroughUnchangedWithARequestId() {
        String token = env.tokens.client("demo-integrator");

        HttpResponse<String> response = http.send(http.request("/api/registry/caller")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("Cookie", "EGOV_SESSION=abc")
                .GET()
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        TestBackend.Received received = env.backend.last();
        assertThat(received.path()).isEqualTo("/api/registry/caller");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(received.header("Cookie")).isNull();
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("service="));
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }

    @Test
    void aCallersRequestIdIsKeptAndAnInsaneOneReplaced() {
        String token = env.tokens.client("demo-integrator");

        HttpResponse<String> kept = http.send(http.request("/api/portal/caller")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "integrator-1234-abcd")
                .GET()
                .build());
        HttpResponse<String> replaced = http.send(http.request("/api/portal/caller")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "<script>")
                .GET()
                .build());

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("integrator-1234-abcd");
        assertThat(replaced.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void forgedExpiredForeignAndWrongAudienceTokensAre401() {
        JWTClaimsSet valid = env.tokens.claims("demo-integrator").build();
        String forged = env.tokens.forged(valid);
        String expired = env.tokens.sign(new JWTClaimsSet.Builder(valid)
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .build());
        String wrongAudience = env.tokens.sign(
                new JWTClaimsSet.Builder(valid).audience(List.of("account")).build());
        String wrongIssuer = env.tokens.sign(new JWTClaimsSet.Builder(valid)
                .issuer("http://localhost:8180/realms/other")
                .build());

        for (String token : List.of(forged, expired, wrongAudience, wrongIssuer, "not-a-jwt")) {
            HttpResponse<String> response = http.get("/api/registry/caller", token);
            assertProblem(response, 401, "invalid-token");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
        }
        assertThat(env.backend.hits()).isZero();
    }

    @Test
    void unknownRouteIs404ProblemFromTheGateway() {
        HttpResponse<String> response = http.get("/api/nowhere/at-all", env.tokens.client("demo-integrator"));

        assertProblem(response, 404, "not-found");
    }

    @Test
    void securityHeadersAreOnEveryResponseAndServicesCannotWeakenThem() {
        HttpResponse<String> api = http.get("/api/portal/caller", env.tokens.client("demo-integrator"));
        HttpResponse<String> problem = http.get("/api/portal/caller", null);

        for (HttpResponse<String> response : List.of(api, problem)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void corsPreflightFromAnUnknownOriginIsRejected() {
        HttpResponse<String> response = http.send(http.request("/api/portal/caller")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(env.backend.hits()).isZero();
    }

    @Test
    void browserNavigationGoesToKeycloakLoginWithPkce() {
        HttpResponse<String> home = http.send(http.request("/")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET()
                .build());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");
        String session = home.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> login = http.send(
                http.request("/login").header("Accept", "text/html").GET().build());
        assertThat(login.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");

        HttpResponse<String> authorize = http.send(http.request("/oauth2/authorization/keycloak")
                .header("Accept", "text/html")
                .header("Cookie", session)
                .GET()
                .build());
        assertThat(authorize.statusCode()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(env.tokens.issuer() + "/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=egov-web", "code_challenge=")
                .contains("code_challenge_method=S256", "scope=openid%20profile")
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/keycloak");
    }

    /**
     * A browser keeps its connection open between the login redirects and its next calls; every one of them must
     * be read and answered on that connection (a keep-alive race of the HTTP server once left the next request
     * unread until the browser gave up).
     */
    @Test
    void aKeptAliveConnectionAnswersEveryRequestAfterTheLoginRedirects() {
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> home = http.send(
                    http.request("/").header("Accept", "text/html").GET().build());
            String session =
                    home.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(http.send(http.request("/login")
                                    .header("Accept", "text/html")
                                    .GET()
                                    .build())
                            .statusCode())
                    .isEqualTo(302);
            assertThat(http.send(http.request("/oauth2/authorization/keycloak")
                                    .header("Accept", "text/html")
                                    .header("Cookie", session)
                                    .GET()
                                    .build())
                            .statusCode())
                    .isEqualTo(302);
            HttpResponse<String> api = http.get("/api/portal/caller", env.tokens.client("demo-integrator"));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        }
    }

    /** What a service declares public (the procedure catalogue, the dossier lookup) needs no login; the rest does. */
    @Test
    void publicPathsOfAServiceAnswerWithoutALogin() {
        for (String path : List.of(
                "/api/portal/procedures",
                "/api/portal/procedures/1.001193",
                "/api/portal/tracking",
                "/api/registry/access-log/checkpoint-key")) {
            HttpResponse<String> open = http.get(path, null);
            assertThat(open.statusCode()).as(path + " " + open.body()).isEqualTo(200);
            assertThat(env.backend.last().path()).isEqualTo(path);
            assertThat(env.backend.last().header("Authorization")).isNull();
        }
        assertProblem(http.get("/api/portal/procedures/1.001193/secrets", null), 401, "unauthorized");
        assertProblem(http.get("/api/portal/dossiers", null), 401, "unauthorized");
        assertProblem(http.get("/api/registry/access-log/verification", null), 401, "unauthorized");
    }

    /**
     * The interchange's OCSP responder by GET (RFC 6960 Appendix A.1): the request, base-64 and URL-encoded, is in the
     * path, with {@code %2F} for each {@code /} of the base-64; relying parties send it without a login.
     */
    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void theInterchangesOcspResponderIsReachedByGetWithoutALogin() {
        // the interchange's breaker may be open from a test of the interchange being down (one shared context)
        breakers.getCircuitBreakerRegistry().circuitBreaker("interchange").reset();
        try (TestBackend interchange = TestBackend.start(env.interchangePort)) {
            for (String path : List.of(
                    "/api/interchange/pki/ocsp/MEowSDBGMEQwQjAJBgUrDgMCGgUABBQ%2Fab%2Bc%3D",
                    "/api/interchange/pki/ocsp/MEowSDBGMEQwQjAJBgUrDgMCGgUABBQ/ab+c=")) {
                HttpResponse<String> open = http.get(path, null);
                assertThat(open.statusCode()).as(path + " " + open.body()).isEqualTo(200);
                assertThat(interchange.last().path())
                        .isEqualTo("/api/interchange/pki/ocsp/MEowSDBGMEQwQjAJBgUrDgMCGgUABBQ/ab+c=");
                assertThat(interchange.last().header("Authorization")).isNull();
            }
            // an encoded slash anywhere else is still refused
            assertThat(http.get("/api/interchange/agencies/G22%2F..%2Fx", null).statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void sessionEndpointIs401WithoutLogin() {
        assertProblem(http.get("/session", null), 401, "unauthorized");
    }

    @Test
    void healthInfoAndPrometheusAreOpenTheRestOfActuatorIsClosed() {
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null).statusCode()).isEqualTo(200);
        String token = env.tokens.client("demo-integrator");
        assertThat(http.get("/api/portal/caller", token).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus =
                http.send(http.request("/actuator/prometheus").GET().build());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("egov_gateway_rate_limit_total{", "spring_cloud_gateway_requests_seconds_count{")
                .contains("resilience4j_circuitbreaker_state{");
        for (String closed : List.of("/actuator/env", "/actuator/gateway/routes", "/actuator/beans")) {
            assertThat(http.get(closed, token).statusCode()).as(closed).isIn(401, 403, 404);
        }
    }

    @Test
    void everyServiceDocumentIsReachableWithoutLoginAndListedOnOnePage() {
        for (String service : List.of("portal", "registry", "reporting")) {
            HttpResponse<String> response = http.get("/docs/" + service + "/v3/api-docs", null);
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat((String) JsonPath.read(response.body(), "$.openapi")).startsWith("3.");
        }
        assertThat(env.backend.last().path()).isEqualTo("/v3/api-docs");

        HttpResponse<String> page = http.send(http.request("/api-docs").GET().build());
        assertThat(page.statusCode()).isIn(200, 302);
        HttpResponse<String> config = http.get("/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/docs/portal/v3/api-docs", "/docs/reporting/v3/api-docs");
    }
}
