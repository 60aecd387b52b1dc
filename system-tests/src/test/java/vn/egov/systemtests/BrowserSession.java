package vn.egov.systemtests;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client: keeps cookies, follows redirects, and fills in Keycloak's login form the way a
 * person would. It never sees an access token: the gateway keeps the session.
 */
final class BrowserSession {

    private static final Pattern LOGIN_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html,application/json")
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getJson(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the gateway, follows the SSO redirects to Keycloak and posts the credentials into its form. */
    HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get(Stack.GATEWAY + "/");
        String action = loginFormAction(loginPage.body())
                .orElseThrow(() -> new AssertionError("no Keycloak login form at " + loginPage.uri()));
        return http.send(
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(20))
                        .POST(Stack.form(Map.of("username", username, "password", password, "credentialId", "")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A JSON call of the web application over the session: the CSRF token read from its cookie goes back in the
     * {@code X-XSRF-TOKEN} header, as the pages do; {@code headers} are name/value pairs.
     */
    HttpResponse<String> send(String method, String url, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the logout form the way the landing page does, with the session's CSRF token. */
    HttpResponse<String> logOut() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(20));
        Optional<String> csrf = cookie("XSRF-TOKEN");
        csrf.ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return http.send(
                request.POST(Stack.form(csrf.map(t -> Map.of("_csrf", t)).orElse(Map.of())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /**
     * Browsers treat {@code http://localhost} as a secure context and send it {@code Secure} cookies (Keycloak
     * marks its session cookies so); {@link CookieManager} only sends them over https. This handler does what a
     * browser does, for loopback hosts only.
     */
    private static final class LocalhostIsSecure extends java.net.CookieHandler {
        private final CookieManager delegate;

        LocalhostIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                throws IOException {
            return delegate.get(asSecure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            delegate.put(uri, headers);
        }

        private static URI asSecure(URI uri) {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (!loopback || !"http".equals(uri.getScheme())) {
                return uri;
            }
            try {
                return new URI(
                        "https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            } catch (java.net.URISyntaxException e) {
                return uri;
            }
        }
    }

    static Optional<String> loginFormAction(String html) {
        Matcher matcher = LOGIN_FORM_ACTION.matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&amp;", "&")) : Optional.empty();
    }
}
