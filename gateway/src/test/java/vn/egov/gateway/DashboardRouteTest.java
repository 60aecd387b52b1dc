package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.support.FakeKeycloak;
import vn.egov.gateway.support.GatewayTestBase;
import vn.egov.gateway.support.TestBackend;

/**
 * The reporting service's dashboard page behind the browser login, and its open data without one: a browser
 * that is not signed in is sent to Keycloak; once signed in, the page reaches the reporting service with the
 * session's access token and comes back under the strict Content-Security-Policy; open data needs no login.
 */
class DashboardRouteTest extends GatewayTestBase {

    static final FakeKeycloak.User REPORTER =
            new FakeKeycloak.User("reporter.vpcp", "Trần Thị Bình", List.of("reporter"));

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void theDashboardNeedsTheBrowserLoginAndGetsTheSessionsToken() {
        HttpResponse<String> anonymous = send(page("/reports/dashboard?period=2026-11"));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/oauth2/authorization/keycloak");

        logIn(REPORTER);
        env.backend.reset();
        HttpResponse<String> dashboard = send(page("/reports/dashboard?period=2026-11"));

        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        TestBackend.Received received = env.backend.last();
        assertThat(received.path()).isEqualTo("/reports/dashboard");
        assertThat(received.header("Authorization")).startsWith("Bearer eyJ");
        assertThat(received.header("Cookie")).isNull();
        assertThat(dashboard.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "style-src 'self'"));
        assertThat(send(page("/reports/dashboard/dashboard.css")).statusCode()).isEqualTo(200);
        assertThat(env.backend.last().path()).isEqualTo("/reports/dashboard/dashboard.css");
    }

    @Test
    void openDataNeedsNoLogin() {
        env.backend.reset();
        HttpResponse<String> open = send(request("/api/reports/open-data/kpis.json?period=2026-11")
                .header("Accept", "application/json")
                .GET()
                .build());

        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        assertThat(env.backend.last().path()).isEqualTo("/api/reports/open-data/kpis.json");
        assertThat(env.backend.last().header("Authorization")).isNull();
        // the rest of the reporting API still needs a token
        assertProblem(
                send(request("/api/reports/kpis")
                        .header("Accept", "application/json")
                        .GET()
                        .build()),
                401,
                "unauthorized");
    }

    private void logIn(FakeKeycloak.User user) {
        HttpResponse<String> home = send(page("/"));
        HttpResponse<String> authorize =
                send(request(home.headers().firstValue("Location").orElseThrow())
                        .GET()
                        .build());
        String callback =
                env.keycloak.logIn(authorize.headers().firstValue("Location").orElseThrow(), user);
        HttpResponse<String> back = send(request(callback).GET().build());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    }

    private HttpRequest page(String path) {
        return request(path).header("Accept", "text/html").GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
