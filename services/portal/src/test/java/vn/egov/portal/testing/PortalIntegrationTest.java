package vn.egov.portal.testing;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;

/**
 * The whole portal application on real PostgreSQL (a fresh database per test class) and real Kafka (the
 * platform's {@link EgovIntegrationTest}), called through MockMvc with test tokens
 * ({@link vn.egov.platform.testing.TestTokens}).
 */
@EgovIntegrationTest(properties = {"spring.datasource.hikari.maximum-pool-size=20"})
@AutoConfigureMockMvc
public abstract class PortalIntegrationTest {}
