package vn.egov.reporting.regime;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import vn.egov.platform.security.EgovSecurityAutoConfiguration;

/** Test tokens with the claims Keycloak puts in the egov realm's access tokens, for the reporting roles. */
public final class ReportingTokens {

    /** Văn phòng Chính phủ: files reports and receives every regime of the seed. */
    public static final String VPCP = "000.00.00.G22";
    /** UBND tỉnh Thừa Thiên Huế. */
    public static final String HUE = "000.00.00.H57";
    /** Bộ Công an: no regime of the seed is assigned to it. */
    public static final String BCA = "000.00.00.G01";

    private ReportingTokens() {}

    public static JwtRequestPostProcessor reporter(String agency) {
        return token("reporter." + agency, agency, "reporter");
    }

    public static JwtRequestPostProcessor officer(String agency) {
        return token("officer." + agency, agency, "officer");
    }

    public static JwtRequestPostProcessor auditor() {
        return token("auditor", null, "auditor");
    }

    public static JwtRequestPostProcessor admin() {
        return token("admin", null, "platform-admin");
    }

    public static JwtRequestPostProcessor token(String username, String agency, String... roles) {
        return jwt().jwt(j -> {
                    j.subject("sub-" + username)
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
