package vn.egov.gateway.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import vn.egov.gateway.support.TestBackend.Reply;

/**
 * Just enough of Keycloak's token, user-info and key endpoints for the gateway's browser login: it issues a code
 * for an authorization request the test hands it, checks the PKCE verifier when the gateway redeems the code,
 * and answers refresh-token grants (or refuses them, on demand).
 */
public final class FakeKeycloak {

    /** A user who logs in. */
    public record User(String username, String name, List<String> roles) {}

    private record Pending(String nonce, String codeChallenge, String redirectUri, User user) {}

    private final Tokens tokens;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final Map<String, User> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, User> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
    private volatile boolean refuseRefresh;

    public FakeKeycloak(TestBackend backend, Tokens tokens) {
        this.tokens = tokens;
        backend.reply("/realms/egov/protocol/openid-connect/token", this::token);
        backend.reply("/realms/egov/protocol/openid-connect/userinfo", this::userInfo);
    }

    /**
     * The user logs in at the authorization endpoint the gateway sent the browser to; returns the gateway's
     * callback (path and query) Keycloak would redirect the browser to.
     */
    public String logIn(String authorizationUrl, User user) {
        Map<String, String> query = query(URI.create(authorizationUrl).getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri"), user));
        return URI.create(query.get("redirect_uri")).getPath() + "?code=" + code + "&state=" + query.get("state")
                + "&session_state=test";
    }

    /** Access tokens expire this soon after issue (the gateway refreshes a minute before expiry). */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    public void refuseRefresh(boolean refuse) {
        this.refuseRefresh = refuse;
    }

    public int refreshes() {
        return refreshes.get();
    }

    private Reply token(HttpExchange exchange) {
        Map<String, String> form = query((String) exchange.getAttribute("body"));
        if (!"egov-web".equals(form.get("client_id"))) {
            return error("invalid_client");
        }
        return switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Pending pending = codes.remove(form.get("code"));
                if (pending == null
                        || !pending.redirectUri().equals(form.get("redirect_uri"))
                        || !pending.codeChallenge().equals(s256(form.get("code_verifier")))) {
                    yield error("invalid_grant");
                }
                yield Reply.ok(tokenResponse(pending.user(), pending.nonce(), false));
            }
            case "refresh_token" -> {
                User user = refreshTokens.get(form.get("refresh_token"));
                if (refuseRefresh || user == null) {
                    yield error("invalid_grant");
                }
                refreshes.incrementAndGet();
                yield Reply.ok(tokenResponse(user, null, true));
            }
            default -> error("unsupported_grant_type");
        };
    }

    private String tokenResponse(User user, String nonce, boolean refreshed) {
        Instant now = Instant.now();
        String subject = "sub-" + user.username();
        String access = tokens.sign(new JWTClaimsSet.Builder()
                .issuer(tokens.issuer())
                .subject(subject)
                .audience(List.of("egov-api", "account"))
                .claim("azp", "egov-web")
                .claim("preferred_username", user.username())
                .claim("realm_access", Map.of("roles", user.roles()))
                .claim("scope", "openid profile")
                .claim("refreshed", refreshed)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessTokenLifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build());
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, user);
        accessTokens.put(access, user);
        StringBuilder json = new StringBuilder()
                .append("{\"access_token\":\"")
                .append(access)
                .append("\",\"token_type\":\"Bearer\",\"expires_in\":")
                .append(accessTokenLifetime.toSeconds())
                .append(",\"refresh_token\":\"")
                .append(refresh)
                .append("\",\"scope\":\"openid profile\"");
        if (nonce != null) {
            String id = tokens.sign(new JWTClaimsSet.Builder()
                    .issuer(tokens.issuer())
                    .subject(subject)
                    .audience("egov-web")
                    .claim("azp", "egov-web")
                    .claim("nonce", nonce)
                    .claim("preferred_username", user.username())
                    .claim("name", user.name())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .build());
            json.append(",\"id_token\":\"").append(id).append('"');
        }
        return json.append('}').toString();
    }

    private Reply userInfo(HttpExchange exchange) {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        User user = bearer == null ? null : accessTokens.get(bearer.substring("Bearer ".length()));
        if (user == null) {
            return new Reply(401, "{\"error\":\"invalid_token\"}");
        }
        return Reply.ok("{\"sub\":\"sub-" + user.username() + "\",\"preferred_username\":\"" + user.username()
                + "\",\"name\":\"" + user.name() + "\"}");
    }

    private static Reply error(String code) {
        return new Reply(400, "{\"error\":\"" + code + "\"}");
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }
}
