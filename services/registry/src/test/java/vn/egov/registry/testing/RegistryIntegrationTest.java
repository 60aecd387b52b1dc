package vn.egov.registry.testing;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;

/**
 * The whole registry application on real PostgreSQL (a fresh database per test class) and real Kafka (the
 * platform's {@link EgovIntegrationTest}), called through MockMvc with test tokens. Citizen events go to the
 * class's own topic {@code registry.citizen.v1.<egov.test.id>}.
 */
@EgovIntegrationTest(
        properties = {
            "egov.registry.dev-seed.enabled=false",
            "egov.registry.topic=registry.citizen.v1.${egov.test.id}",
            "spring.datasource.hikari.maximum-pool-size=20"
        })
@AutoConfigureMockMvc
public abstract class RegistryIntegrationTest {}
