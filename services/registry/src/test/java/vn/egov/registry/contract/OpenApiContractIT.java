package vn.egov.registry.contract;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.OpenApiContract;
import vn.egov.registry.testing.RegistryIntegrationTest;

/**
 * The running registry and {@code contracts/openapi/registry.yaml} agree on every path and operation: a new,
 * removed or renamed endpoint on either side fails this test.
 */
class OpenApiContractIT extends RegistryIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theRunningServiceAndTheCommittedSpecHaveTheSameOperations() throws Exception {
        OpenApiContract.assertSameOperations(mvc, "registry", "/api/registry/");
    }
}
