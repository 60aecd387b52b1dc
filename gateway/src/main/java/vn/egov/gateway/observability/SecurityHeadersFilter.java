package vn.egov.gateway.observability;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.egov.gateway.config.GatewayProperties;

/**
 * Security headers on every response, the services' included (set just before the response is committed, so a
 * service cannot weaken them): no MIME sniffing, no framing, no referrer, {@code no-store} caching, and a
 * Content-Security-Policy that lets gateway pages load nothing but their own resources. The API document pages
 * (Swagger UI) get a policy that still allows its inline styles and data images. HSTS when served over HTTPS.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    /** For JSON answers and the gateway's own minimal pages; form posts may end at Keycloak (logout). */
    private final String strictPolicy;

    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    public SecurityHeadersFilter(GatewayProperties properties) {
        URI issuer = URI.create(properties.oidc().issuer());
        String keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        this.strictPolicy = "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self' " + keycloak
                + "; base-uri 'none'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void write(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with their own form posts
        // (logout), which CORS then refuses as a foreign origin; other sites still get no referrer
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        boolean docsPage = path.startsWith("/webjars/") || path.equals("/api-docs") || path.startsWith("/v3/api-docs");
        headers.set("Content-Security-Policy", docsPage ? DOCS_POLICY : strictPolicy);
        if (!path.startsWith("/webjars/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.remove(HttpHeaders.EXPIRES);
            headers.remove(HttpHeaders.PRAGMA);
        }
        if ("https".equals(exchange.getRequest().getURI().getScheme())) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
