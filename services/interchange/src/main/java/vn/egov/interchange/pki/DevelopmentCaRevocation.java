package vn.egov.interchange.pki;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;

/**
 * Thu hồi chứng thư số của CA thử nghiệm — platform administrators revoke certificates the development CA issued; the
 * CA publishes the revocations as a signed CRL and answers OCSP requests about them.
 */
public class DevelopmentCaRevocation {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentCaRevocation.class);

    private final DevelopmentCaStore store;
    private final Revocations revocations;
    private final PkiProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private volatile PublishedCrl published;

    private record PublishedCrl(byte[] der, String version, Instant until) {}

    public DevelopmentCaRevocation(
            DevelopmentCaStore store,
            Revocations revocations,
            PkiProperties properties,
            Clock clock,
            JdbcTemplate jdbc) {
        this.store = store;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What the administrator asks for: the serial (hex), the RFC 5280 reason name, when (default now). */
    public record Request(String serialNumber, String reason, Instant revokedAt) {}

    @Transactional
    public Revocation revoke(Request request, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        BigInteger serial = null;
        String hex = request.serialNumber() == null
                ? ""
                : request.serialNumber().strip().toLowerCase(java.util.Locale.ROOT);
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        hex = hex.replace(":", "");
        if (hex.isEmpty() || !hex.matches("[0-9a-f]{1,40}")) {
            problems.add(new FieldProblem(
                    "serialNumber", "Cần số sê-ri của chứng thư dạng thập lục phân (tối đa 40 ký tự 0-9, a-f)."));
        } else {
            serial = new BigInteger(hex, 16);
        }
        RevocationReason reason = request.reason() == null || request.reason().isBlank()
                ? RevocationReason.unspecified
                : RevocationReason.named(request.reason()).orElse(null);
        if (reason == null) {
            problems.add(new FieldProblem(
                    "reason",
                    "Lý do thu hồi phải là một trong " + java.util.Arrays.toString(RevocationReason.values()) + "."));
        }
        Instant now = clock.instant();
        // whole seconds, as the CRL and OCSP answers carry it
        Instant at = (request.revokedAt() == null ? now : request.revokedAt()).truncatedTo(ChronoUnit.SECONDS);
        if (at.isAfter(now)) {
            problems.add(new FieldProblem("revokedAt", "Thời điểm thu hồi không được ở tương lai."));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "invalid", problems.getFirst().reason(), problems);
        }
        if (!revocations.issued(serial)) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "certificate-not-found",
                    "CA thử nghiệm chưa cấp chứng thư số nào có số sê-ri " + Revocation.hex(serial) + ".",
                    List.of(new FieldProblem("serialNumber", "không có")));
        }
        if (!revocations.revoke(serial, reason, at, by, now)) {
            Revocation existing = revocations.find(serial).orElseThrow();
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "certificate-already-revoked",
                    "Chứng thư số " + existing.serialHex() + " đã bị thu hồi lúc " + existing.revokedAt() + ".",
                    List.of(new FieldProblem("serialNumber", "đã thu hồi")));
        }
        log.info("certificate {} revoked by {} ({}, at {})", Revocation.hex(serial), by, reason, at);
        return revocations.find(serial).orElseThrow();
    }

    public List<Revocation> all() {
        return revocations.all();
    }

    /** Remembers a certificate the development CA just issued, so OCSP answers {@code good} for it. */
    public void recordIssued(X509Certificate certificate, String agencyCode) {
        revocations.recordIssued(certificate, agencyCode, clock.instant());
    }

    /**
     * The current CRL (DER): made again when a revocation was recorded or half of its validity has passed, so every
     * replica serves one within {@code crl-validity} of the table.
     */
    public byte[] crl() {
        Instant now = clock.instant();
        String version = revocations.version();
        PublishedCrl current = published;
        if (current != null
                && current.version().equals(version)
                && current.until().isAfter(now)) {
            return current.der();
        }
        byte[] der = responder().crl(revocations.all(), now, now.plus(properties.crlValidity()), nextCrlNumber());
        published =
                new PublishedCrl(der, version, now.plus(properties.crlValidity().dividedBy(2)));
        return der;
    }

    /**
     * The next CRL number (RFC 5280 §5.2.3: monotonically increasing for the CA), from the database sequence shared by
     * every replica, not from a replica's clock.
     */
    private BigInteger nextCrlNumber() {
        Long next = jdbc.queryForObject("SELECT nextval('crl_number')", Long.class);
        return BigInteger.valueOf(next);
    }

    /** The DER OCSP response to a DER OCSP request about certificates of the development CA. */
    public byte[] ocsp(byte[] request) {
        Instant now = clock.instant();
        return responder().ocsp(request, this::status, now, now.plus(properties.ocspValidity()));
    }

    public byte[] caCertificate() {
        try {
            return store.ca().certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Certificates the development CA issued before the register existed, still registered for an agency, are added to
     * it (so they can be revoked and OCSP knows them).
     */
    public void registerEarlierCertificates() {
        X509Certificate ca = store.ca().certificate();
        record Registered(byte[] der, String code) {}
        List<Registered> registered = jdbc.query(
                "SELECT certificate, coalesce(code_2016, code_2020) AS code FROM agency WHERE certificate IS NOT NULL",
                (rs, i) -> new Registered(rs.getBytes("certificate"), rs.getString("code")));
        for (Registered r : registered) {
            try {
                X509Certificate c = Pem.certificateFromDer(r.der());
                if (c.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                    c.verify(ca.getPublicKey());
                    revocations.recordIssued(c, r.code(), clock.instant());
                }
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                // not one of ours
            }
        }
    }

    private RevocationResponder.Status status(BigInteger serial) {
        return revocations
                .find(serial)
                .<RevocationResponder.Status>map(r -> new RevocationResponder.Status.Revoked(r.revokedAt(), r.reason()))
                .orElseGet(() -> revocations.issued(serial)
                        ? new RevocationResponder.Status.Good()
                        : new RevocationResponder.Status.Unknown());
    }

    private RevocationResponder responder() {
        DevelopmentCa ca = store.ca();
        return new RevocationResponder(ca.certificate(), ca.privateKey());
    }
}
