package vn.egov.registry.accesslog.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Máy khách dịch vụ cấp dấu thời gian — a small RFC 3161 client over HTTP (§3.4): posts a {@code TimeStampReq} for a
 * SHA-256 digest (with a nonce, asking for the TSA's certificate) to {@code
 * egov.registry.access-log.checkpoint.tsa-url} and checks the reply answers that request. When {@code tsa-token-uri}
 * is set it authenticates with a client-credentials token (cached until shortly before it expires, forgotten on a
 * 401). An empty URL turns time-stamping off. {@code tsa-certificate} (a resource location: {@code file:},
 * {@code classpath:}, {@code https:}) is the certificate tokens must be signed by; it is read on first use, so the
 * TSA need not be up when the registry starts.
 */
@Component
public class TimestampClient {

    /** The TSA could not give a token: unreachable, refused, or its reply does not answer the request. */
    public static class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TimestampClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String url;
    private final String tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final String certificateLocation;
    private final Duration timeout;
    private final ResourceLoader resources;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.shared();
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;
    private X509Certificate certificate;

    public TimestampClient(
            @Value("${egov.registry.access-log.checkpoint.tsa-url:}") String url,
            @Value("${egov.registry.access-log.checkpoint.tsa-token-uri:}") String tokenUri,
            @Value("${egov.registry.access-log.checkpoint.tsa-client-id:}") String clientId,
            @Value("${egov.registry.access-log.checkpoint.tsa-client-secret:}") String clientSecret,
            @Value("${egov.registry.access-log.checkpoint.tsa-certificate:}") String certificateLocation,
            @Value("${egov.registry.access-log.checkpoint.tsa-timeout:PT5S}") Duration timeout,
            ResourceLoader resources,
            Clock clock) {
        this.url = url == null ? "" : url.strip();
        this.tokenUri = tokenUri == null ? "" : tokenUri.strip();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.certificateLocation = certificateLocation == null ? "" : certificateLocation.strip();
        this.timeout = timeout;
        this.resources = resources;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Whether a TSA is configured; when not, checkpoints are not time-stamped. */
    public boolean enabled() {
        return !url.isEmpty();
    }

    /** A DER TimeStampToken over the SHA-256 digest, its imprint and nonce checked against the request. */
    public TimeStampToken timestamp(byte[] sha256) throws Unavailable {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .header("Accept", "application/timestamp-reply")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            String bearer = token();
            if (bearer != null) {
                post.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<byte[]> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 401) {
                forgetToken();
            }
            if (answer.statusCode() != 200) {
                throw new Unavailable("the TSA answered HTTP " + answer.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new Unavailable(
                        "the TSA refused: status " + response.getStatus() + " " + response.getStatusString(), null);
            }
            response.validate(request); // imprint, nonce, certReq, and the signer's time-stamping key usage
            return response.getTimeStampToken();
        } catch (IOException | TSPException | RuntimeException e) {
            throw new Unavailable("no time-stamp from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    /** The configured certificate of the TSA, read once; empty when none is configured or it cannot be read. */
    public synchronized Optional<X509Certificate> certificate() {
        if (certificate == null && !certificateLocation.isEmpty()) {
            try (InputStream in = resources.getResource(certificateLocation).getInputStream()) {
                certificate = (X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | CertificateException | RuntimeException e) {
                log.warn("the TSA certificate {} cannot be read", certificateLocation, e);
            }
        }
        return Optional.ofNullable(certificate);
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpiry = Instant.EPOCH;
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (tokenUri.isEmpty()) {
            return null;
        }
        if (token != null && clock.instant().isBefore(tokenExpiry)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        token = body.path("access_token").asString();
        long expiresIn = body.path("expires_in").asLong(60);
        tokenExpiry = clock.instant().plusSeconds(Math.max(expiresIn - 30, 5));
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
