package vn.egov.platform.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;

/**
 * MockMvc stand-ins for the access tokens Keycloak issues in the egov realm: subject, preferred_username, azp,
 * scope, realm roles and, where they apply, the citizen's {@code pid} and the officer's {@code agency_code}.
 */
public final class TestTokens {

    private TestTokens() {}

    /** A citizen logged in through the portal (username = personal ID number). */
    public static JwtRequestPostProcessor citizen(String pid) {
        return token(pid, "egov-web", pid, null, "openid", "citizen");
    }

    /** A staff member of an agency with the given realm roles (officer, clerk, reporter, agency-admin...). */
    public static JwtRequestPostProcessor staff(String username, String agencyCode, String... roles) {
        return token(username, "egov-web", null, agencyCode, "openid", roles);
    }

    /** The demo integrator client (client credentials). */
    public static JwtRequestPostProcessor integrator() {
        return token("service-account-demo-integrator", "demo-integrator", null, null, "profile", "integrator");
    }

    public static JwtRequestPostProcessor token(
            String username, String clientId, String pid, String agency, String scope, String... roles) {
        return jwt().jwt(j -> {
                    j.subject("sub-" + username)
                            .claim("preferred_username", username)
                            .claim("azp", clientId)
                            .claim("scope", scope)
                            .claim("realm_access", Map.of("roles", List.of(roles)));
                    if (pid != null) {
                        j.claim("pid", pid);
                    }
                    if (agency != null) {
                        j.claim("agency_code", agency);
                    }
                })
                .authorities(EgovSecurityAutoConfiguration.authorities());
    }
}
