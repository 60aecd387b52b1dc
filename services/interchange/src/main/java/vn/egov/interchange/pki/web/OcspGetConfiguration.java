package vn.egov.interchange.pki.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * OCSP by GET (RFC 6960 Appendix A.1) carries the base-64 of the request in the path, and base-64 holds {@code /},
 * which the JDK's client (like most) sends URL-encoded as {@code %2F}. Tomcat refuses {@code %2F} in a path by
 * default, and so does Spring Security's firewall. Tomcat passes it through undecoded (so it never becomes a path
 * separator), and the firewall accepts it only in a GET to the OCSP responder whose remainder is URL-encoded
 * base-64; every other path keeps the strict rules.
 */
@Configuration(proxyBeanMethods = false)
class OcspGetConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesPassedThrough() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    WebSecurityCustomizer ocspGetFirewall() {
        return web -> web.httpFirewall(new OcspGetFirewall());
    }

    /** The strict firewall, with encoded slashes allowed in the encoded request of an OCSP GET. */
    static final class OcspGetFirewall implements HttpFirewall {

        private static final Pattern ENCODED_BASE64 = Pattern.compile("[A-Za-z0-9+/=%]+");

        private final StrictHttpFirewall strict = new StrictHttpFirewall();
        private final StrictHttpFirewall ocspGet = new StrictHttpFirewall();

        OcspGetFirewall() {
            ocspGet.setAllowUrlEncodedSlash(true);
            // Tomcat leaves %2F encoded, so the servlet path holds a '%' the strict firewall would refuse
            ocspGet.setAllowUrlEncodedPercent(true);
        }

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            String uri = request.getRequestURI();
            String prefix = request.getContextPath() + PkiController.OCSP_GET_PREFIX;
            boolean isOcspGet = "GET".equals(request.getMethod())
                    && uri != null
                    && uri.startsWith(prefix)
                    && ENCODED_BASE64.matcher(uri.substring(prefix.length())).matches();
            return (isOcspGet ? ocspGet : strict).getFirewalledRequest(request);
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return strict.getFirewalledResponse(response);
        }
    }
}
