package vn.egov.interchange.pki;

import java.security.cert.CertificateEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the development CA in the service's database so certificates issued before a restart stay valid; created on
 * first use. Replicas racing on the first use agree on one CA (insert if absent, then read what won).
 */
public class DevelopmentCaStore {

    private static final String SELECT = "SELECT certificate, private_key FROM development_ca WHERE id = 1";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile DevelopmentCa ca;

    public DevelopmentCaStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public synchronized DevelopmentCa ca() {
        if (ca == null) {
            ca = load().orElseGet(this::create);
        }
        return ca;
    }

    private java.util.Optional<DevelopmentCa> load() {
        List<DevelopmentCa> found = jdbc.query(
                SELECT,
                (rs, i) -> new DevelopmentCa(
                        Pem.privateKeyFromDer(rs.getBytes("private_key")),
                        Pem.certificateFromDer(rs.getBytes("certificate")),
                        clock));
        return found.stream().findFirst();
    }

    private DevelopmentCa create() {
        DevelopmentCa created = DevelopmentCa.generate(clock);
        try {
            jdbc.update(
                    "INSERT INTO development_ca (id, certificate, private_key, created_at) VALUES (1, ?, ?, ?)"
                            + " ON CONFLICT (id) DO NOTHING",
                    created.certificate().getEncoded(),
                    created.privateKey().getEncoded(),
                    Timestamp.from(clock.instant()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return load().orElseThrow();
    }
}
