package vn.egov.systemtests.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OIDC issuer for benchmarks: publishes its discovery document and JWK set, signs RS256 access
 * tokens, and counts every request it serves, so a benchmark can show how many identity-provider calls an
 * API request costs (the goal is zero once the keys are cached).
 */
final class BenchIssuer implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String issuer;
    private final AtomicLong calls = new AtomicLong();

    BenchIssuer(int port) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        issuer = "http://localhost:" + port + "/realms/bench";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/realms/bench/.well-known/openid-configuration", exchange -> {
            calls.incrementAndGet();
            respond(exchange, """
                    {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%s/protocol/openid-connect/auth",
                     "token_endpoint":"%s/protocol/openid-connect/token",
                     "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer, issuer, issuer, issuer));
        });
        server.createContext("/realms/bench/protocol/openid-connect/certs", exchange -> {
            calls.incrementAndGet();
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            respond(exchange, """
                    {"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}""".formatted(
                            B64.encodeToString(unsigned(key.getModulus().toByteArray())),
                            B64.encodeToString(unsigned(key.getPublicExponent().toByteArray()))));
        });
        server.start();
    }

    String issuer() {
        return issuer;
    }

    long calls() {
        return calls.get();
    }

    /** An access token like Keycloak's for a machine client with the {@code integrator} realm role. */
    String token(String clientId, Lifetime lifetime) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String payload = """
                {"iss":"%s","sub":"%s","azp":"%s","aud":["egov-api"],"iat":%d,"exp":%d,
                 "scope":"registry.read","realm_access":{"roles":["integrator"]}}""".formatted(issuer, clientId, clientId, now, now + lifetime.seconds());
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(signature.sign());
    }

    record Lifetime(long seconds) {}

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
