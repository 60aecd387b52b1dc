package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.egov.gateway.support.GatewayTestBase;

/** Behind a trusted load balancer (here: the loopback), the client is the rightmost untrusted hop. */
@TestPropertySource(properties = "egov.gateway.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|10\\..*")
class TrustedProxyTest extends GatewayTestBase {

    @Test
    void theClientAddressAndSchemeComeFromTheTrustedBalancer() {
        HttpResponse<String> response = http.send(http.request("/api/portal/caller")
                .header("Authorization", "Bearer " + env.tokens.client("demo-integrator"))
                // written by the client (6.6.6.6), then appended by our balancers (7.7.7.7 seen by 10.0.0.5)
                .header("X-Forwarded-For", "6.6.6.6, 7.7.7.7, 10.0.0.5")
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(env.backend.last().header("X-Forwarded-For")).isEqualTo("7.7.7.7");
        assertThat(env.backend.last().header("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void loginRedirectsUseTheSchemeTheBrowserUsed() {
        HttpResponse<String> authorize = http.send(http.request("/oauth2/authorization/keycloak")
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());

        assertThat(authorize.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("redirect_uri=https://localhost"));
    }
}
