package vn.egov.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF for a single-page application and for plain forms alike: a script copies the {@code XSRF-TOKEN} cookie
 * into the {@code X-XSRF-TOKEN} header (compared as is); a server-rendered form carries the masked token in
 * {@code _csrf} (BREACH-safe). The header is looked at first, so a JSON or proxied body is never read here.
 */
final class SpaCsrfTokenRequestHandler implements ServerCsrfTokenRequestHandler {

    private final ServerCsrfTokenRequestAttributeHandler plain = new ServerCsrfTokenRequestAttributeHandler();
    private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    SpaCsrfTokenRequestHandler() {
        plain.setTokenFromMultipartDataEnabled(false);
        masked.setTokenFromMultipartDataEnabled(false);
    }

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        masked.handle(exchange, csrfToken); // pages render the masked value
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
        if (header != null) {
            return Mono.just(header);
        }
        return masked.resolveCsrfTokenValue(exchange, csrfToken);
    }
}
