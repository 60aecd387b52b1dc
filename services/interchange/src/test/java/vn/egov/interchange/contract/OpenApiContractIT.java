package vn.egov.interchange.contract;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.interchange.testing.InterchangeIT;
import vn.egov.platform.testing.OpenApiContract;

/** The running service and contracts/openapi/interchange.yaml name the same operations. */
class OpenApiContractIT extends InterchangeIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theLiveApiAndTheCommittedSpecAgree() throws Exception {
        OpenApiContract.assertSameOperations(mvc, "interchange", "/api/interchange");
    }
}
