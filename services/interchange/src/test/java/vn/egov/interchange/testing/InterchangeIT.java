package vn.egov.interchange.testing;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;

/**
 * Base of the interchange's integration tests: the whole service against real PostgreSQL (a fresh database per test
 * class) and real Kafka, driven through MockMvc with test JWTs shaped like the realm's.
 */
@EgovIntegrationTest(properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/realms/egov")
@AutoConfigureMockMvc
public abstract class InterchangeIT {}
