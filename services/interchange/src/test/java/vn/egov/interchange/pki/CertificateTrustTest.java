package vn.egov.interchange.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.interchange.testing.Certificates;

/**
 * Chain and revocation checks of agency certificates: a certificate that does not chain to a trust anchor is refused;
 * one from a configured (national) CA is checked by OCSP first, then by the CRL, against a real HTTP responder of
 * that CA; when neither answers, hard-fail refuses and soft-fail accepts.
 */
class CertificateTrustTest {

    static final Clock CLOCK = Clock.systemUTC();
    static final DevelopmentCa NATIONAL = DevelopmentCa.generate(CLOCK);

    HttpServer server;
    final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
    final AtomicInteger ocspCalls = new AtomicInteger();
    final AtomicInteger crlCalls = new AtomicInteger();
    volatile boolean ocspDown;
    volatile boolean crlDown;
    DevelopmentCa.PublicationPoints points;

    @BeforeEach
    void responder() throws IOException {
        RevocationResponder responder = new RevocationResponder(NATIONAL.certificate(), NATIONAL.privateKey());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            ocspCalls.incrementAndGet();
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (ocspDown) {
                answer(exchange, 500, new byte[0]);
                return;
            }
            Instant now = CLOCK.instant();
            answer(
                    exchange,
                    200,
                    responder.ocsp(
                            request,
                            serial -> revoked.containsKey(serial)
                                    ? new RevocationResponder.Status.Revoked(
                                            revoked.get(serial).revokedAt(),
                                            revoked.get(serial).reason())
                                    : new RevocationResponder.Status.Good(),
                            now,
                            now.plus(Duration.ofMinutes(10))));
        });
        server.createContext("/crl", exchange -> {
            crlCalls.incrementAndGet();
            if (crlDown) {
                answer(exchange, 503, new byte[0]);
                return;
            }
            Instant now = CLOCK.instant();
            answer(
                    exchange,
                    200,
                    responder.crl(
                            List.copyOf(revoked.values()),
                            now,
                            now.plus(Duration.ofHours(1)),
                            BigInteger.valueOf(now.toEpochMilli())));
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        points = new DevelopmentCa.PublicationPoints(
                URI.create(base + "/crl"), URI.create(base + "/ocsp"), URI.create(base + "/ca"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    CertificateTrust trust(PkiProperties.Unavailable whenUnavailable, Duration cacheFor) {
        return new CertificateTrust(
                List.of(NATIONAL.certificate()),
                List.of(),
                null,
                null,
                new OnlineRevocation(
                        new PkiProperties.Revocation(whenUnavailable, Duration.ofSeconds(2), cacheFor), CLOCK));
    }

    DevelopmentCa.Issued agency(String code) {
        return NATIONAL.issue(code, "Cơ quan " + code, Duration.ofDays(365), points);
    }

    void revoke(DevelopmentCa.Issued issued, RevocationReason reason, Instant at) {
        BigInteger serial = issued.certificate().getSerialNumber();
        revoked.put(serial, new Revocation(serial, reason, at, "test", null, null));
    }

    @Test
    void onlyEndEntityCertificatesWhoseKeyMaySignAreAcceptedForSigning() {
        // a subordinate CA of the trusted CA, and a key-encipherment-only certificate: both chain to the anchor
        var subordinateCa = Certificates.issue(
                NATIONAL, "000.00.00.G22", true, KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign);
        var enciphering = Certificates.issue(NATIONAL, "000.00.00.G22", false, KeyUsage.keyEncipherment);
        CertificateTrust soft = trust(PkiProperties.Unavailable.SOFT_FAIL, Duration.ofMinutes(5));
        for (var refused : List.of(subordinateCa, enciphering)) {
            assertThatCode(() -> soft.chain(refused.certificate(), CLOCK.instant()))
                    .doesNotThrowAnyException();
            CertificateTrustException e = catchThrowableOfType(
                    CertificateTrustException.class, () -> soft.check(refused.certificate(), CLOCK.instant()));
            assertThat(e.kind()).isEqualTo(CertificateTrustException.Kind.NOT_FOR_SIGNING);
            assertThat(e.getMessage()).contains("000.00.00.G22");
        }
        assertThat(catchThrowableOfType(
                                CertificateTrustException.class,
                                () -> soft.check(subordinateCa.certificate(), CLOCK.instant()))
                        .getMessage())
                .contains("CA=true");
        assertThat(catchThrowableOfType(
                                CertificateTrustException.class,
                                () -> soft.check(enciphering.certificate(), CLOCK.instant()))
                        .getMessage())
                .contains("digitalSignature");

        // non-repudiation alone, digital signature alone, or no KeyUsage extension at all may sign
        for (int usage : new int[] {KeyUsage.nonRepudiation, KeyUsage.digitalSignature, -1}) {
            var fit = Certificates.issue(NATIONAL, "000.00.00.G22", false, usage);
            assertThatCode(() -> soft.check(fit.certificate(), CLOCK.instant())).doesNotThrowAnyException();
        }
        // and what the development CA issues is fit
        assertThatCode(() ->
                        CertificateTrust.checkSigningUse(agency("000.00.00.H57").certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void aCertificateThatDoesNotChainToATrustAnchorIsRefused() {
        DevelopmentCa stranger = DevelopmentCa.generate(CLOCK);
        var foreign = stranger.issue("000.00.00.G22", "Văn phòng Chính phủ", Duration.ofDays(30));
        CertificateTrustException e = catchThrowableOfType(
                CertificateTrustException.class, () -> trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ofMinutes(5))
                        .check(foreign.certificate(), CLOCK.instant()));
        assertThat(e.kind()).isEqualTo(CertificateTrustException.Kind.UNTRUSTED);
        assertThat(e.getMessage()).contains("000.00.00.G22").contains("không dẫn tới chứng thư gốc tin cậy");

        // a self-signed certificate is refused the same way; so is everything when no anchor is configured
        CertificateTrustException selfSigned = catchThrowableOfType(
                CertificateTrustException.class, () -> trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ofMinutes(5))
                        .check(stranger.certificate(), CLOCK.instant()));
        assertThat(selfSigned.kind()).isEqualTo(CertificateTrustException.Kind.UNTRUSTED);
        CertificateTrustException none = catchThrowableOfType(
                CertificateTrustException.class, () -> new CertificateTrust(List.of(), List.of(), null, null, null)
                        .check(agency("000.00.00.H57").certificate(), CLOCK.instant()));
        assertThat(none.kind()).isEqualTo(CertificateTrustException.Kind.UNTRUSTED);
        assertThat(none.getMessage()).contains("trust-anchors");
        assertThat(ocspCalls).hasValue(0);
    }

    @Test
    void ocspDecidesFirstAndAGoodAnswerIsCached() {
        var hue = agency("000.00.00.H57");
        CertificateTrust trust = trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ofMinutes(5));
        var chain = trust.check(hue.certificate(), CLOCK.instant());
        assertThat(chain.anchor()).isEqualTo(NATIONAL.certificate());
        assertThat(ocspCalls).hasValue(1);
        assertThat(crlCalls).hasValue(0);

        trust.check(hue.certificate(), CLOCK.instant());
        assertThat(ocspCalls).as("second check answered from the cache").hasValue(1);
    }

    @Test
    void aCertificateRevokedAtItsCaIsRefusedWithTheTimeAndReason() {
        var hue = agency("000.00.00.H57");
        Instant at = CLOCK.instant().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        revoke(hue, RevocationReason.keyCompromise, at);
        CertificateTrustException e = catchThrowableOfType(
                CertificateTrustException.class, () -> trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ZERO)
                        .check(hue.certificate(), CLOCK.instant()));
        assertThat(e.kind()).isEqualTo(CertificateTrustException.Kind.REVOKED);
        assertThat(e.revokedAt()).isEqualTo(at);
        assertThat(e.reason()).isEqualTo("keyCompromise");
        assertThat(ocspCalls).hasValue(1);
        assertThat(crlCalls).hasValue(0);
    }

    @Test
    void whenTheOcspResponderFailsTheCrlDecides() {
        ocspDown = true;
        var good = agency("000.00.00.G22");
        var bad = agency("000.00.00.G12");
        Instant at = CLOCK.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        revoke(bad, RevocationReason.superseded, at);
        CertificateTrust trust = trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ZERO);

        assertThatCode(() -> trust.check(good.certificate(), CLOCK.instant())).doesNotThrowAnyException();
        CertificateTrustException e = catchThrowableOfType(
                CertificateTrustException.class, () -> trust.check(bad.certificate(), CLOCK.instant()));
        assertThat(e.kind()).isEqualTo(CertificateTrustException.Kind.REVOKED);
        assertThat(e.revokedAt()).isEqualTo(at);
        assertThat(e.reason()).isEqualTo("superseded");
        assertThat(ocspCalls).hasValue(2);
        assertThat(crlCalls.get()).isPositive();
    }

    @Test
    void whenNeitherAnswersHardFailRefusesAndSoftFailAccepts() {
        ocspDown = true;
        crlDown = true;
        var hue = agency("000.00.00.H57");
        CertificateTrustException e = catchThrowableOfType(
                CertificateTrustException.class, () -> trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ofMinutes(5))
                        .check(hue.certificate(), CLOCK.instant()));
        assertThat(e.kind()).isEqualTo(CertificateTrustException.Kind.UNDETERMINED);
        assertThat(e.getMessage()).contains("OCSP").contains("CRL");

        assertThatCode(() -> trust(PkiProperties.Unavailable.SOFT_FAIL, Duration.ofMinutes(5))
                        .check(hue.certificate(), CLOCK.instant()))
                .doesNotThrowAnyException();

        // a responder that cannot be reached at all (nothing listens) is the same as one that fails
        server.stop(0);
        CertificateTrustException unreachable = catchThrowableOfType(
                CertificateTrustException.class, () -> trust(PkiProperties.Unavailable.HARD_FAIL, Duration.ofMinutes(5))
                        .check(hue.certificate(), CLOCK.instant()));
        assertThat(unreachable.kind()).isEqualTo(CertificateTrustException.Kind.UNDETERMINED);
    }
}
