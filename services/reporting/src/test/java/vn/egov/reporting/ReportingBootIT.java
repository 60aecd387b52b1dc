package vn.egov.reporting;

import vn.egov.platform.testing.ServiceBootContract;

class ReportingBootIT extends ServiceBootContract {

    ReportingBootIT() {
        super("/api/reports");
    }
}
