package vn.egov.reporting;

import org.junit.jupiter.api.Test;
import vn.egov.platform.architecture.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        ArchitectureRules.check("reporting");
    }
}
