package vn.egov.registry;

import org.junit.jupiter.api.Test;
import vn.egov.platform.architecture.ArchitectureRules;

/** The platform's architecture rules hold for the registry: no cycles between features, injected clock, etc. */
class RegistryArchitectureTest {

    @Test
    void registryKeepsThePlatformRules() {
        ArchitectureRules.check("registry");
    }
}
