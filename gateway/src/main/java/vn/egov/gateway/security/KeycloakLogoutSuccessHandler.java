package vn.egov.gateway.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the gateway session is gone, ends the Keycloak session too (OpenID Connect RP-initiated logout): sends the
 * browser to the realm's end-session endpoint with {@code id_token_hint}, {@code client_id} and
 * {@code post_logout_redirect_uri} (the gateway's public home), with 303 so the browser follows with a GET.
 * Written by hand because the provider's metadata is not fetched (its endpoints are configured explicitly).
 */
final class KeycloakLogoutSuccessHandler implements ServerLogoutSuccessHandler {

    private final String endSessionEndpoint;
    private final String clientId;
    private final URI afterLogout;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogoutSuccessHandler(String endSessionEndpoint, String clientId, URI publicUrl) {
        this.endSessionEndpoint = endSessionEndpoint;
        this.clientId = clientId;
        this.afterLogout =
                UriComponentsBuilder.fromUri(publicUrl).path("/").build().toUri();
        this.redirect.setHttpStatus(HttpStatus.SEE_OTHER);
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        return redirect.sendRedirect(exchange.getExchange(), target(authentication));
    }

    URI target(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser user) {
            return UriComponentsBuilder.fromUriString(endSessionEndpoint)
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("client_id", clientId)
                    .queryParam("post_logout_redirect_uri", afterLogout.toString())
                    .encode()
                    .build()
                    .toUri();
        }
        return afterLogout; // no Keycloak session behind this one (bearer or anonymous)
    }
}
