package vn.egov.platform.security;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as read from a validated access token: the user (subject), the client it came through,
 * the citizen's personal ID number ({@code pid}) and the officer's agency ({@code agency_code}).
 *
 * <p>Controllers receive it as a method parameter; services check it against the resource (an officer
 * sees only its agency's data, a citizen only their own).
 */
public record Caller(
        String subject,
        String username,
        String clientId,
        String pid,
        String agencyCode,
        Set<String> roles,
        Set<String> scopes) {

    public Caller {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }

    public static Caller from(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id"),
                jwt.getClaimAsString("pid"),
                jwt.getClaimAsString("agency_code"),
                realmRoles(jwt),
                scopes(jwt));
    }

    /** The egov realm roles in the token's {@code realm_access.roles}; Keycloak's built-in ones are dropped. */
    public static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> result = new TreeSet<>();
        for (Object role : roles) {
            if (role instanceof String name && EgovRoles.ALL.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new TreeSet<>(List.of(scope.trim().split("\\s+")));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
