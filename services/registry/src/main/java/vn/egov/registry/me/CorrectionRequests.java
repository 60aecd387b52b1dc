package vn.egov.registry.me;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.registry.citizen.Names;

/** Yêu cầu điều chỉnh thông tin — citizens' requests to correct their data, waiting for an officer. */
@Repository
public class CorrectionRequests {

    /** One request and where it stands. */
    public record CorrectionRequest(
            UUID id, String field, String proposedValue, String reason, String status, Instant requestedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public CorrectionRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CorrectionRequest file(String pid, String field, String proposedValue, String reason) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into correction_request (id, citizen_pid, field, proposed_value, reason, requested_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        pid,
                        field,
                        Names.nfc(proposedValue),
                        Names.nfc(reason),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        return new CorrectionRequest(id, field, Names.nfc(proposedValue), Names.nfc(reason), "PENDING", now);
    }

    public List<CorrectionRequest> of(String pid) {
        return jdbc.sql("""
                        select id, field, proposed_value, reason, status, requested_at from correction_request
                        where citizen_pid = ? order by requested_at desc""")
                .param(pid)
                .query((rs, i) -> new CorrectionRequest(
                        rs.getObject("id", UUID.class),
                        rs.getString("field"),
                        rs.getString("proposed_value"),
                        rs.getString("reason"),
                        rs.getString("status"),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
