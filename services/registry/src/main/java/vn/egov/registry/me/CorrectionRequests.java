package vn.egov.registry.me;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.registry.citizen.Names;

/** Yêu cầu điều chỉnh thông tin — citizens' requests to correct their data, waiting for an officer. */
@Repository
public class CorrectionRequests {

    /** One request and where it stands. */
    public record CorrectionRequest(
            UUID id,
            String citizenPid,
            String field,
            String proposedValue,
            String reason,
            String status,
            Instant requestedAt,
            Instant resolvedAt,
            String decisionNote) {}

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
        return find(id).orElseThrow();
    }

    public List<CorrectionRequest> of(String pid) {
        return jdbc.sql(SELECT + " where citizen_pid = ? order by requested_at desc")
                .param(pid)
                .query(CorrectionRequests::map)
                .list();
    }

    public List<CorrectionRequest> withStatus(String status, int limit) {
        return jdbc.sql(SELECT + " where status = ? order by requested_at limit ?")
                .params(status, limit)
                .query(CorrectionRequests::map)
                .list();
    }

    public Optional<CorrectionRequest> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(CorrectionRequests::map)
                .optional();
    }

    /** Records the decision if the request is still pending; false when someone decided it first. */
    public boolean decide(UUID id, String status, String officer, String note) {
        return jdbc.sql("""
                                update correction_request set status = ?, resolved_at = ?, decided_by = ?, decision_note = ?
                                where id = ? and status = 'PENDING'""")
                        .params(
                                status,
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                                officer,
                                Names.nfc(note),
                                id)
                        .update()
                == 1;
    }

    private static final String SELECT =
            "select id, citizen_pid, field, proposed_value, reason, status, requested_at, resolved_at, decision_note"
                    + " from correction_request";

    private static CorrectionRequest map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new CorrectionRequest(
                rs.getObject("id", UUID.class),
                rs.getString("citizen_pid"),
                rs.getString("field"),
                rs.getString("proposed_value"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("decision_note"));
    }
}
