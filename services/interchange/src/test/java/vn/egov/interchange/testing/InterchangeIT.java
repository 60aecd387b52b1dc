package vn.egov.interchange.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the interchange's integration tests: the whole service against a real PostgreSQL (embedded, one server
 * for the JVM, a fresh database per test class), driven through MockMvc with signed test JWTs.
 */
@SpringBootTest(
        properties = {
            "spring.kafka.bootstrap-servers=localhost:1",
            "egov.interchange.relay.enabled=false",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/realms/egov"
        })
@AutoConfigureMockMvc
public abstract class InterchangeIT {

    private static EmbeddedPostgres postgres;

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String name = "ic_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> postgres().getJdbcUrl("postgres", name));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
