package vn.egov.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import vn.egov.gateway.problem.Problems;
import vn.egov.gateway.security.SecurityConfiguration;

/**
 * The gateway's own pages: {@code /} greets the logged-in user (links to the API documents, a logout form),
 * {@code /session} describes the session as JSON (who, which roles) for single-page applications and tests,
 * {@code /login} starts the Keycloak login or explains why it failed. Both {@code /} and {@code /session} also
 * issue the {@code XSRF-TOKEN} cookie that session mutations must echo.
 */
@RestController
public class HomeController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final Problems messages;

    public HomeController(Problems messages) {
        this.messages = messages;
    }

    @GetMapping("/")
    public Mono<ResponseEntity<String>> home(Authentication authentication, ServerWebExchange exchange) {
        Locale locale = Problems.locale(exchange);
        Caller caller = Caller.of(authentication);
        return csrfToken(exchange).map(token -> {
            String title = text("home.title", locale);
            String body = """
                    <!DOCTYPE html>
                    <html lang="%s">
                    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%s</title></head>
                    <body>
                    <h1>%s</h1>
                    <p id="user">%s</p>
                    <ul>
                    <li><a href="/api-docs">%s</a></li>
                    <li><a href="/session">%s</a></li>
                    </ul>
                    <form method="post" action="/logout">
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">%s</button>
                    </form>
                    </body>
                    </html>
                    """.formatted(
                    locale.getLanguage(),
                    escape(title),
                    escape(title),
                    escape(messages.message("home.greeting", locale, "", caller.displayName(), caller.username())),
                    escape(text("home.docs", locale)),
                    escape(text("home.session", locale)),
                    escape(token.getParameterName()),
                    escape(token.getToken()),
                    escape(text("home.logout", locale)));
            return ResponseEntity.ok().contentType(HTML).body(body);
        });
    }

    @GetMapping(path = "/session", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> session(Authentication authentication, ServerWebExchange exchange) {
        Caller caller = Caller.of(authentication);
        return csrfToken(exchange).map(token -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("username", caller.username());
            session.put("name", caller.displayName());
            session.put("roles", caller.roles());
            session.put("authenticatedBy", caller.via());
            return session;
        });
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(ServerWebExchange exchange) {
        if (!exchange.getRequest().getQueryParams().containsKey("error")) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create("/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID))
                    .build();
        }
        Locale locale = Problems.locale(exchange);
        String body = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><title>%s</title></head>
                <body>
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/oauth2/authorization/%s">%s</a></p>
                </body>
                </html>
                """.formatted(
                        locale.getLanguage(),
                        escape(text("login.failed.title", locale)),
                        escape(text("login.failed.title", locale)),
                        escape(text("login.failed.detail", locale)),
                        SecurityConfiguration.REGISTRATION_ID,
                        escape(text("login.retry", locale)));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(HTML).body(body);
    }

    /** Subscribing to the token is what makes the cookie repository write the {@code XSRF-TOKEN} cookie. */
    private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.error(new IllegalStateException("no CSRF token")) : token;
    }

    private String text(String key, Locale locale) {
        return messages.message(key, locale, key);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    /** Who is calling, whether through a session or a bearer token. */
    record Caller(String username, String displayName, List<String> roles, String via) {

        static Caller of(Authentication authentication) {
            List<String> roles = authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .distinct()
                    .toList();
            if (authentication.getPrincipal() instanceof OidcUser user) {
                // Vietnamese order: family name first (họ và tên), "Nguyễn Văn An", not OIDC's given-first "name"
                String name = user.getFamilyName() != null && user.getGivenName() != null
                        ? user.getFamilyName() + " " + user.getGivenName()
                        : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
                return new Caller(user.getPreferredUsername(), name, roles, "session");
            }
            if (authentication instanceof JwtAuthenticationToken jwt) {
                String username = jwt.getToken().getClaimAsString(SecurityConfiguration.USER_NAME_ATTRIBUTE);
                String clientId = jwt.getToken().getClaimAsString("azp");
                String who = username != null ? username : clientId != null ? clientId : jwt.getName();
                String name = jwt.getToken().getClaimAsString("name");
                return new Caller(who, name != null ? name : who, roles, "bearer");
            }
            return new Caller(authentication.getName(), authentication.getName(), roles, "session");
        }
    }
}
