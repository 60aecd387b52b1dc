package vn.egov.portal;

import vn.egov.platform.testing.ServiceBootContract;

class PortalBootIT extends ServiceBootContract {

    PortalBootIT() {
        super("/api/portal");
    }
}
