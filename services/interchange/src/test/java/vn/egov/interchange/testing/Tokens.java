package vn.egov.interchange.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test access tokens shaped like the realm's: realm roles, azp, agency_code. */
public final class Tokens {

    private Tokens() {}

    public static RequestPostProcessor admin() {
        return jwt().jwt(j -> j.subject("admin")
                        .claim("preferred_username", "admin")
                        .claim("azp", "egov-web")
                        .claim("realm_access", Map.of("roles", List.of("platform-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_platform-admin"));
    }

    public static RequestPostProcessor auditor() {
        return jwt().jwt(j -> j.subject("auditor")
                        .claim("azp", "egov-web")
                        .claim("realm_access", Map.of("roles", List.of("auditor"))))
                .authorities(new SimpleGrantedAuthority("ROLE_auditor"));
    }

    /** A văn thư (clerk) of the agency. */
    public static RequestPostProcessor clerkOf(String agencyCode) {
        return jwt().jwt(j -> j.subject("clerk-" + agencyCode)
                        .claim("preferred_username", "clerk." + agencyCode)
                        .claim("azp", "egov-web")
                        .claim("agency_code", agencyCode)
                        .claim("realm_access", Map.of("roles", List.of("clerk"))))
                .authorities(new SimpleGrantedAuthority("ROLE_clerk"));
    }

    /** A document-management system of the agency, client credentials. */
    public static RequestPostProcessor integratorOf(String agencyCode) {
        return jwt().jwt(j -> {
                    j.subject("service-account-dms")
                            .claim("azp", "dms-" + agencyCode)
                            .claim("scope", "interchange.send")
                            .claim("realm_access", Map.of("roles", List.of("integrator")));
                    if (agencyCode != null) {
                        j.claim("agency_code", agencyCode);
                    }
                })
                .authorities(
                        new SimpleGrantedAuthority("ROLE_integrator"),
                        new SimpleGrantedAuthority("SCOPE_interchange.send"));
    }

    public static RequestPostProcessor citizen() {
        return jwt().jwt(j -> j.subject("citizen")
                        .claim("azp", "egov-web")
                        .claim("pid", "001099012345")
                        .claim("realm_access", Map.of("roles", List.of("citizen"))))
                .authorities(new SimpleGrantedAuthority("ROLE_citizen"));
    }

    /** A valid token with no egov role (demo-outsider). */
    public static RequestPostProcessor outsider() {
        return jwt().jwt(j -> j.subject("outsider").claim("azp", "demo-outsider"));
    }
}
