package vn.egov.interchange.attempts;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.interchange.agency.Hashes;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Nhật ký từ chối — every package or status package the axis refused, with the caller, the problem and the hash of
 * what was sent (never the content). Written in its own transaction, so it survives the refusal.
 */
@Component
public class RefusedAttempts {

    private static final Logger log = LoggerFactory.getLogger(RefusedAttempts.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RefusedAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String endpoint, Caller caller, byte[] body, ApiProblem problem) {
        log.warn(
                "refused {} from {} (agency {}): {} {}",
                endpoint,
                caller.clientId(),
                caller.agencyCode(),
                problem.code(),
                problem.getMessage());
        jdbc.update(
                "INSERT INTO refused_attempt (at, endpoint, caller, caller_agency, problem_code, detail, body_sha256,"
                        + " body_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                endpoint,
                caller.subject() + (caller.clientId() == null ? "" : " via " + caller.clientId()),
                caller.agencyCode(),
                problem.code(),
                problem.getMessage(),
                body == null ? null : Hashes.sha256Hex(body),
                body == null ? null : body.length);
    }
}
