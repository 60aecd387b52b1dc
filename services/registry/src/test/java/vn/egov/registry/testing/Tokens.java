package vn.egov.registry.testing;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import vn.egov.platform.testing.TestTokens;

/** Signed-token stand-ins with the claims Keycloak puts in the egov realm's access tokens. */
public final class Tokens {

    private Tokens() {}

    public static JwtRequestPostProcessor officer() {
        return token("officer.vpcp", "egov-web", null, "000.00.00.G22", "openid", "officer");
    }

    public static JwtRequestPostProcessor officerHue() {
        return token("officer.hue", "egov-web", null, "000.00.00.H57", "openid", "officer");
    }

    public static JwtRequestPostProcessor citizen(String pid) {
        return token(pid, "egov-web", pid, null, "openid", "citizen");
    }

    public static JwtRequestPostProcessor integrator() {
        return token(
                "service-account-demo-integrator",
                "demo-integrator",
                null,
                null,
                "registry.verify registry.read interchange.send",
                "integrator");
    }

    public static JwtRequestPostProcessor integratorWithoutVerify() {
        return token("service-account-other", "other-integrator", null, null, "registry.read", "integrator");
    }

    public static JwtRequestPostProcessor auditor() {
        return token("auditor", "egov-web", null, null, "openid", "auditor");
    }

    public static JwtRequestPostProcessor token(
            String username, String clientId, String pid, String agency, String scope, String... roles) {
        return TestTokens.token(username, clientId, pid, agency, scope, roles);
    }
}
