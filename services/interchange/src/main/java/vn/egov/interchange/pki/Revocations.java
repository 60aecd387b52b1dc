package vn.egov.interchange.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.egov.interchange.agency.Agency;

/**
 * The development CA's register (tables {@code issued_certificate}, {@code certificate_revocation}): what it issued and
 * what a platform administrator revoked.
 */
public class Revocations {

    private static final String SELECT_REVOKED = "SELECT r.serial_number, r.reason, r.revoked_at, r.revoked_by,"
            + " i.subject, i.agency_code FROM certificate_revocation r"
            + " JOIN issued_certificate i ON i.serial_number = r.serial_number";

    private final JdbcTemplate jdbc;

    public Revocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a certificate the development CA issued (a repeat is ignored). */
    public void recordIssued(X509Certificate certificate, String agencyCode, Instant at) {
        var c = Agency.AgencyCertificate.of(certificate);
        jdbc.update(
                "INSERT INTO issued_certificate (serial_number, certificate_sha256, subject, agency_code, not_after,"
                        + " issued_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                Revocation.hex(certificate.getSerialNumber()),
                c.sha256(),
                c.subject(),
                agencyCode,
                Timestamp.from(c.notAfter()),
                Timestamp.from(at));
    }

    /** Whether the development CA issued a certificate with this serial number. */
    public boolean issued(BigInteger serial) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM issued_certificate WHERE serial_number = ?",
                Integer.class,
                Revocation.hex(serial));
        return n != null && n > 0;
    }

    /** Records the revocation; false when the certificate was already revoked. */
    public boolean revoke(BigInteger serial, RevocationReason reason, Instant revokedAt, String by, Instant now) {
        return jdbc.update(
                        "INSERT INTO certificate_revocation (serial_number, reason, revoked_at, revoked_by, recorded_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        Revocation.hex(serial),
                        reason.code(),
                        Timestamp.from(revokedAt),
                        by,
                        Timestamp.from(now))
                == 1;
    }

    public Optional<Revocation> find(BigInteger serial) {
        return jdbc
                .query(SELECT_REVOKED + " WHERE r.serial_number = ?", Revocations::row, Revocation.hex(serial))
                .stream()
                .findFirst();
    }

    /** Every revocation, oldest first (what the CRL lists). */
    public List<Revocation> all() {
        return jdbc.query(SELECT_REVOKED + " ORDER BY r.revoked_at, r.serial_number", Revocations::row);
    }

    /** Changes whenever a revocation is recorded: the number of revocations and the last recording time. */
    public String version() {
        return jdbc.queryForObject(
                "SELECT count(*) || '/' || coalesce(max(recorded_at)::text, '') FROM certificate_revocation",
                String.class);
    }

    private static Revocation row(ResultSet rs, int i) throws SQLException {
        return new Revocation(
                new BigInteger(rs.getString("serial_number"), 16),
                RevocationReason.ofCode(rs.getInt("reason")),
                rs.getTimestamp("revoked_at").toInstant(),
                rs.getString("revoked_by"),
                rs.getString("subject"),
                rs.getString("agency_code"));
    }
}
