package vn.egov.reporting.kpi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;

/** Stand-ins for the egov realm's access tokens of the people who look at the KPIs. */
public final class KpiTokens {

    public static final String OPERATIONS_CENTRE = "000.00.00.G22";

    private KpiTokens() {}

    /** A reporter of the Government Office: the operations centre. */
    public static JwtRequestPostProcessor operationsCentre() {
        return token("reporter.vpcp", OPERATIONS_CENTRE, "reporter");
    }

    public static JwtRequestPostProcessor admin() {
        return token("admin", null, "platform-admin");
    }

    public static JwtRequestPostProcessor officer(String agency) {
        return token("officer." + agency, agency, "officer");
    }

    public static JwtRequestPostProcessor reporter(String agency) {
        return token("reporter." + agency, agency, "reporter");
    }

    public static JwtRequestPostProcessor citizen() {
        return token("001099012345", null, "citizen");
    }

    public static JwtRequestPostProcessor token(String username, String agency, String... roles) {
        return jwt().jwt(j -> {
                    j.tokenValue("token-of-" + username)
                            .subject("sub-" + username)
                            .claim("preferred_username", username)
                            .claim("azp", "egov-web")
                            .claim("scope", "openid")
                            .claim("realm_access", Map.of("roles", List.of(roles)));
                    if (agency != null) {
                        j.claim("agency_code", agency);
                    }
                })
                .authorities(EgovSecurityAutoConfiguration.authorities());
    }
}
