package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.support.FakeKeycloak;
import vn.egov.gateway.support.GatewayTestBase;
import vn.egov.gateway.support.TestBackend;

/**
 * The browser journey without a real Keycloak: the gateway sends the browser to the authorization endpoint, a
 * stand-in token endpoint checks the PKCE verifier and issues tokens; the browser then holds only cookies, its
 * API calls reach the services with the session's access token, mutations need the CSRF token, expired access
 * tokens are refreshed, and logout ends both sessions.
 */
class SessionLoginTest extends GatewayTestBase {

    static final FakeKeycloak.User CITIZEN = new FakeKeycloak.User("001099012345", "Nguyễn Văn An", List.of("citizen"));
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @AfterEach
    void keycloakBackToNormal() {
        env.keycloak.accessTokenLifetime(Duration.ofMinutes(5));
        env.keycloak.refuseRefresh(false);
    }

    @Test
    void citizenLogsInCallsServicesThroughTheSessionAndLogsOutOfBoth() {
        HttpResponse<String> landing = logIn(CITIZEN);

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(landing.body()).contains("Nguyễn Văn An", "001099012345", "action=\"/logout\"");
        assertThat(landing.body()).doesNotContain("eyJ"); // no token in the page
        assertThat(landing.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("form-action 'self' " + env.backend.uri()));
        assertThat(cookie("XSRF-TOKEN")).isNotNull();

        HttpResponse<String> session = get("/session");
        assertThat((String) JsonPath.read(session.body(), "$.username")).isEqualTo("001099012345");
        assertThat((String) JsonPath.read(session.body(), "$.name")).isEqualTo("Nguyễn Văn An");
        assertThat((List<String>) JsonPath.read(session.body(), "$.roles")).containsExactly("citizen");

        HttpResponse<String> api = get("/api/registry/caller");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        TestBackend.Received received = env.backend.last();
        assertThat(received.header("Authorization")).startsWith("Bearer eyJ");
        assertThat(received.header("Cookie")).isNull();

        // a mutation over the session needs the CSRF token: forged from another site, it is refused
        HttpResponse<String> forged = post("/api/portal/dossiers", null);
        assertProblem(forged, 403, "csrf");
        HttpResponse<String> fromTheApp = post("/api/portal/dossiers", cookie("XSRF-TOKEN"));
        assertThat(fromTheApp.statusCode()).as(fromTheApp.body()).isEqualTo(200);
        assertThat(env.backend.last().method()).isEqualTo("POST");

        // logout: the form's masked token; the browser goes on to Keycloak's end-session endpoint
        Matcher field = CSRF_FIELD.matcher(landing.body());
        assertThat(field.find()).isTrue();
        HttpResponse<String> logout = send(request("/logout")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + field.group(1)))
                .build());
        assertThat(logout.statusCode()).isEqualTo(303);
        URI endSession = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(env.tokens.issuer() + "/protocol/openid-connect/logout?");
        String query = URLDecoder.decode(endSession.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query)
                .contains("id_token_hint=eyJ", "client_id=egov-web")
                .contains("post_logout_redirect_uri=http://localhost:8080/");

        assertProblem(get("/api/registry/caller"), 401, "unauthorized");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndARefusedRefreshEndsTheSession() {
        env.keycloak.accessTokenLifetime(Duration.ofSeconds(30)); // within the minute of clock skew: expired
        logIn(CITIZEN);
        int before = env.keycloak.refreshes();

        HttpResponse<String> api = get("/api/portal/caller");

        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(env.keycloak.refreshes()).isEqualTo(before + 1);

        env.keycloak.refuseRefresh(true);
        assertProblem(get("/api/portal/caller"), 401, "session-expired");
    }

    @Test
    void aLoginWithAWrongPkceVerifierFails() {
        HttpResponse<String> home =
                send(request("/").header("Accept", "text/html").GET().build());
        HttpResponse<String> authorize =
                send(request(home.headers().firstValue("Location").orElseThrow())
                        .GET()
                        .build());
        String callback = env.keycloak.logIn(
                authorize
                        .headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .replaceAll("code_challenge=[^&]+", "code_challenge=wrong"),
                CITIZEN);

        HttpResponse<String> failed = send(request(callback).GET().build());

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location")).hasValue("/login?error");
        assertThat(send(request("/login?error").GET().build()).body()).contains("Đăng nhập không thành công");
    }

    /** Opens the gateway, is sent to Keycloak, logs in there and follows the redirects back to the landing page. */
    private HttpResponse<String> logIn(FakeKeycloak.User user) {
        HttpResponse<String> home =
                send(request("/").header("Accept", "text/html").GET().build());
        assertThat(home.statusCode()).isEqualTo(302);
        HttpResponse<String> authorize =
                send(request(home.headers().firstValue("Location").orElseThrow())
                        .GET()
                        .build());
        assertThat(authorize.statusCode()).isEqualTo(302);
        String callback =
                env.keycloak.logIn(authorize.headers().firstValue("Location").orElseThrow(), user);
        HttpResponse<String> back = send(request(callback).GET().build());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        return send(request("/").header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    private HttpResponse<String> post(String path, String csrfHeader) {
        HttpRequest.Builder request =
                request(path).header("Accept", "application/json").header("Content-Type", "application/json");
        if (csrfHeader != null) {
            request.header("X-XSRF-TOKEN", csrfHeader);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
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
