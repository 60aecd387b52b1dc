package vn.egov.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code X-Forwarded-*} headers a service receives are the gateway's own: whatever the caller sent is
 * dropped beforehand (Spring Cloud Gateway's remove filters, enabled by {@code x-forwarded.enabled=false} and
 * {@code forwarded.enabled=false}), then this filter states the client address as the gateway saw it and the
 * scheme, host and port the caller used. No {@code X-Forwarded-Prefix}: services serve the same paths.
 */
@Component
public class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForwarding(name)) {
                headers.addAll(name, values);
            }
        });
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            headers.set("X-Forwarded-For", remote.getAddress().getHostAddress());
        }
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        headers.set("X-Forwarded-Proto", scheme);
        if (uri.getHost() != null) {
            headers.set("X-Forwarded-Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            headers.set(
                    "X-Forwarded-Port",
                    String.valueOf(uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80));
        }
        return headers;
    }

    private static boolean isForwarding(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip");
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
