package vn.egov.reporting.contract;

import org.junit.jupiter.api.Test;
import vn.egov.platform.testing.OpenApiContract;
import vn.egov.reporting.regime.ReportingIntegrationTest;

/** The running reporting service and {@code contracts/openapi/reporting.yaml} agree on every path and operation. */
class OpenApiContractIT extends ReportingIntegrationTest {

    @Test
    void theRunningServiceAndTheCommittedSpecHaveTheSameOperations() throws Exception {
        OpenApiContract.assertSameOperations(mvc, "reporting", "/api/reports/", "/reports/");
    }
}
