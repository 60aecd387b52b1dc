package vn.egov.registry.me;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The requests with that status, oldest first; with {@code provinces} given, only those of citizens whose
     * province (database function {@code citizen_area}, following re-issued numbers) is one of them.
     */
    public List<CorrectionRequest> withStatus(String status, Optional<Set<String>> provinces, int limit) {
        return jdbc.sql(SELECT + " r where r.status = ? and (? or exists (" + AREA_OF_REQUEST
                        + " where a.province_code::text = any(?::text[]))) order by r.requested_at limit ?")
                .params(status, provinces.isEmpty(), provinces.orElse(Set.of()).toArray(String[]::new), limit)
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

    /** The province of the request's citizen (migration V8), found by the number or by a number they held. */
    private static final String AREA_OF_REQUEST = """
            select 1 from citizen_area(coalesce(
              (select c.id from citizen c where c.pid = r.citizen_pid),
              (select h.citizen_id from pid_history h where h.old_pid = r.citizen_pid order by h.id desc limit 1))) a""";

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
