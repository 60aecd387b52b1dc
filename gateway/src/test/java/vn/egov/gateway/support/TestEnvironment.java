package vn.egov.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the gateway runs against in tests, started once per JVM: a real PostgreSQL (embedded binaries) for the
 * shared rate-limit state, a real HTTP backend standing in for portal, registry and reporting and serving the
 * realm's keys, and a dead port for interchange.
 */
public final class TestEnvironment {

    public static final String LIMITED_CLIENT = "limited-client";
    private static TestEnvironment instance;

    public final EmbeddedPostgres postgres;
    public final TestBackend backend;
    public final Tokens tokens;
    public final FakeKeycloak keycloak;
    public final int interchangePort;

    private TestEnvironment() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backend = TestBackend.start();
        tokens = new Tokens(backend.uri() + "/realms/egov");
        backend.answer("/realms/egov/protocol/openid-connect/certs", exchange -> tokens.jwks());
        keycloak = new FakeKeycloak(backend, tokens);
        interchangePort = freePort();
    }

    public static synchronized TestEnvironment get() {
        if (instance == null) {
            instance = new TestEnvironment();
        }
        return instance;
    }

    /** The gateway's configuration for these tests; also used to start a second gateway replica. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("egov.gateway.oidc.issuer", tokens.issuer());
        p.put("egov.gateway.public-url", "http://localhost:8080");
        p.put("egov.gateway.services.portal.uri", backend.uri().toString());
        p.put("egov.gateway.services.portal.timeout", "3s");
        p.put("egov.gateway.services.registry.uri", backend.uri().toString());
        p.put("egov.gateway.services.reporting.uri", backend.uri().toString());
        p.put("egov.gateway.services.reporting.timeout", "1s");
        p.put("egov.gateway.services.reporting-dashboard.uri", backend.uri().toString());
        p.put("egov.gateway.services.interchange.uri", URI.create("http://127.0.0.1:" + interchangePort));
        p.put("egov.gateway.breaker.sliding-window", "4");
        p.put("egov.gateway.breaker.minimum-calls", "4");
        p.put("egov.gateway.breaker.open-for", "60s");
        p.put("egov.gateway.rate-limit.default.capacity", "100000");
        p.put("egov.gateway.rate-limit.default.refill", "100000");
        p.put("egov.gateway.rate-limit.anonymous.capacity", "100000");
        p.put("egov.gateway.rate-limit.anonymous.refill", "100000");
        p.put("egov.gateway.rate-limit.clients." + LIMITED_CLIENT + ".capacity", "3");
        p.put("egov.gateway.rate-limit.clients." + LIMITED_CLIENT + ".refill", "1");
        p.put("egov.gateway.rate-limit.clients." + LIMITED_CLIENT + ".period", "1h");
        p.put("management.tracing.sampling.probability", "1.0");
        return p;
    }

    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
