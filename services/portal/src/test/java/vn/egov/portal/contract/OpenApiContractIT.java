package vn.egov.portal.contract;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.OpenApiContract;
import vn.egov.portal.testing.PortalIntegrationTest;

/** The running portal and {@code contracts/openapi/portal.yaml} agree on every path and operation. */
class OpenApiContractIT extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theRunningServiceAndTheCommittedSpecHaveTheSameOperations() throws Exception {
        OpenApiContract.assertSameOperations(mvc, "portal", "/api/portal/");
    }
}
