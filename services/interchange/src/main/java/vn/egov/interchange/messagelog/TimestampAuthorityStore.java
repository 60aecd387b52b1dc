package vn.egov.interchange.messagelog;

import java.security.cert.CertificateEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.egov.interchange.pki.DevelopmentCa;
import vn.egov.interchange.pki.Pem;

/**
 * Loads the axis's local time-stamping authority from the database, creating it on first use with a certificate from
 * the given CA. Replicas racing on the first use agree on one key (insert if absent, then read what won).
 */
public final class TimestampAuthorityStore {

    private static final String SELECT = "SELECT certificate, private_key FROM timestamp_authority WHERE id = 1";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Supplier<DevelopmentCa> ca;

    public TimestampAuthorityStore(JdbcTemplate jdbc, Clock clock, Supplier<DevelopmentCa> ca) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ca = ca;
    }

    public LocalTimestampAuthority load() {
        List<LocalTimestampAuthority> found = read();
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        DevelopmentCa.Issued issued = ca.get().issueTimestamping("Interchange time-stamping", Duration.ofDays(3650));
        try {
            jdbc.update(
                    "INSERT INTO timestamp_authority (id, certificate, private_key, created_at) VALUES (1, ?, ?, ?)"
                            + " ON CONFLICT (id) DO NOTHING",
                    issued.certificate().getEncoded(),
                    issued.privateKey().getEncoded(),
                    Timestamp.from(clock.instant()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return read().getFirst();
    }

    private List<LocalTimestampAuthority> read() {
        return jdbc.query(
                SELECT,
                (rs, i) -> new LocalTimestampAuthority(
                        Pem.privateKeyFromDer(rs.getBytes("private_key")),
                        Pem.certificateFromDer(rs.getBytes("certificate")),
                        clock));
    }
}
