package vn.egov.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test RSA keys and the JWTs they sign: what Keycloak would issue, without Keycloak. */
public final class Tokens {

    private final RSAKey key;
    private final RSAKey stranger;
    private final String issuer;

    public Tokens(String issuer) {
        this.issuer = issuer;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            this.stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public half, as the realm's JWKS endpoint serves it. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A client-credentials token of {@code clientId}, valid for five minutes, audience {@code egov-api}. */
    public String client(String clientId) {
        return sign(key, claims(clientId).build());
    }

    public JWTClaimsSet.Builder claims(String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience(List.of("egov-api", "account"))
                .claim("azp", clientId)
                .claim("typ", "Bearer")
                .claim("scope", "registry.verify portal.read")
                .claim("realm_access", Map.of("roles", List.of("integrator")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Same key id, another key: what a forger would produce. */
    public String forged(JWTClaimsSet claims) {
        return sign(stranger, claims);
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(with.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
