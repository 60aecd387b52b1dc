package vn.egov.portal.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cán bộ của cơ quan: the officers and clerks of each agency the desk has seen (their access tokens carry the
 * agency), so a dossier can only be assigned to staff of its own agency. The identity provider stays the source
 * of truth; this is what the portal has observed of it.
 */
@Repository
public class DeskOfficers {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeskOfficers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that a staff member used the desk (at most one write a minute per person). */
    public void seen(Staff staff) {
        if (staff.agencyCode() == null || staff.username() == null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into desk_officer (username, agency_code, roles, last_seen_at) values (?, ?, ?, ?)
                        on conflict (agency_code, username) do update set roles = excluded.roles,
                          last_seen_at = excluded.last_seen_at
                        where desk_officer.last_seen_at < excluded.last_seen_at - interval '1 minute'
                          or desk_officer.roles <> excluded.roles""")
                .params(
                        staff.username(),
                        staff.agencyCode(),
                        staff.roles().stream().sorted().toArray(String[]::new),
                        Timestamp.from(now))
                .update();
    }

    public boolean isOfficerOf(String username, String agencyCode) {
        return jdbc.sql("""
                        select count(*) from desk_officer where agency_code = ? and username = ?
                          and (roles && array['officer', 'clerk']::text[])""").params(agencyCode, username).query(Integer.class).single() > 0;
    }

    /** One staff member of an agency as the desk knows it. */
    public record Officer(String username, List<String> roles, Instant lastSeenAt) {}

    public List<Officer> of(String agencyCode) {
        return jdbc.sql("""
                        select username, roles, last_seen_at from desk_officer where agency_code = ?
                        order by username""")
                .param(agencyCode)
                .query((rs, n) -> new Officer(
                        rs.getString(1),
                        List.of((String[]) rs.getArray(2).getArray()),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }
}
