package vn.egov.gateway.security;

import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall, except that a GET to the interchange's OCSP responder may hold {@code %2F}: RFC
 * 6960 Appendix A.1 puts the URL-encoded base-64 of the request in the path, and base-64 holds {@code /} (the JDK's
 * client sends {@code %2F}). Only that path, and only when the rest is URL-encoded base-64; everything else keeps the
 * strict rules (an encoded slash elsewhere is still refused with 400).
 */
@Configuration(proxyBeanMethods = false)
class OcspGetFirewall {

    static final String OCSP_GET_PREFIX = "/api/interchange/pki/ocsp/";
    private static final Pattern ENCODED_BASE64 = Pattern.compile("[A-Za-z0-9+/=%]+");

    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        StrictServerWebExchangeFirewall ocspGet = new StrictServerWebExchangeFirewall();
        ocspGet.setAllowUrlEncodedSlash(true);
        return exchange -> (isOcspGet(exchange.getRequest()) ? ocspGet : strict).getFirewalledExchange(exchange);
    }

    static boolean isOcspGet(ServerHttpRequest request) {
        String raw = request.getURI().getRawPath();
        return HttpMethod.GET.equals(request.getMethod())
                && raw != null
                && raw.startsWith(OCSP_GET_PREFIX)
                && ENCODED_BASE64
                        .matcher(raw.substring(OCSP_GET_PREFIX.length()))
                        .matches();
    }
}
