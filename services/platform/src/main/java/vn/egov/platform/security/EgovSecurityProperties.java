package vn.egov.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access rules of a service. Everything is denied unless listed: {@code publicPaths} are open,
 * {@code authenticatedPaths} need any valid token, the rest of {@code <apiPrefix>/**} needs one of the
 * egov realm roles, {@code /admin/**} needs {@code platform-admin}.
 */
@ConfigurationProperties("egov.security")
public record EgovSecurityProperties(String audience, List<String> publicPaths, List<String> authenticatedPaths) {

    public EgovSecurityProperties {
        audience = audience == null ? "egov-api" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        authenticatedPaths = authenticatedPaths == null ? List.of() : List.copyOf(authenticatedPaths);
    }
}
