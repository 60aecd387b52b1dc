package vn.egov.registry.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole registry application on a real PostgreSQL database ({@code registry_it}, shared by the classes that
 * extend this, so one Spring context serves them all), called through MockMvc with test tokens.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class RegistryIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> RegistryPostgres.url("registry_it"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("egov.registry.dev-seed.enabled", () -> "false");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
    }
}
