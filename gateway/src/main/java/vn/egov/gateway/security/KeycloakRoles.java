package vn.egov.gateway.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * The logged-in user with their Keycloak realm roles as {@code ROLE_<role>}. Keycloak puts the realm roles in the
 * access token (and in the ID token or user info only when a mapper says so), so the roles are read from all
 * three; the access token comes straight from the token endpoint over the back channel, so its claims are read
 * without another signature check.
 */
final class KeycloakRoles implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final String userNameAttribute;

    KeycloakRoles(String userNameAttribute) {
        this.userNameAttribute = userNameAttribute;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            Set<String> roles = new LinkedHashSet<>(realmRoles(user.getClaims()));
            roles.addAll(accessTokenRoles(request.getAccessToken().getTokenValue()));
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), userNameAttribute);
        });
    }

    static List<String> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static List<String> accessTokenRoles(String accessToken) {
        try {
            return realmRoles(JWTParser.parse(accessToken).getJWTClaimsSet().getClaims());
        } catch (ParseException notAJwt) {
            return List.of();
        }
    }
}
