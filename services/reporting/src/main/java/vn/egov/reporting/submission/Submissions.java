package vn.egov.reporting.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The filed reports, every version kept. */
@Repository
public class Submissions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Submissions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises filings of one agency's report for one period until the transaction ends. */
    void lock(String regime, String period, String agency) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("report_submission/" + regime + "/" + period + "/" + agency)
                .query()
                .singleValue();
    }

    /** A filing made under this idempotency key, with whether its content equals the given one. */
    record Keyed(Submission submission, boolean samePayload) {}

    Optional<Keyed> byKey(String regime, String period, String agency, String key, String values, String note) {
        return jdbc.sql("""
                        select *, (report_values = ?::jsonb and note is not distinct from ?) as same
                        from report_submission
                        where regime_code = ? and period = ? and agency_code = ? and idempotency_key = ?""")
                .params(values, note, regime, period, agency, key)
                .query((rs, n) -> new Keyed(map(rs), rs.getBoolean("same")))
                .optional();
    }

    int latestVersion(String regime, String period, String agency) {
        return jdbc.sql("""
                        select coalesce(max(version), 0) from report_submission
                        where regime_code = ? and period = ? and agency_code = ?""").params(regime, period, agency).query(Integer.class).single();
    }

    void add(Submission s, String idempotencyKey) {
        jdbc.sql("""
                        insert into report_submission (id, regime_code, period, agency_code, version, report_values, note,
                          submitted_by, submitted_at, deadline, late, channel, idempotency_key)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.regime(),
                        s.period(),
                        s.agencyCode(),
                        s.version(),
                        json.writeValueAsString(s.values()),
                        s.note(),
                        s.submittedBy(),
                        OffsetDateTime.ofInstant(s.submittedAt(), ZoneOffset.UTC),
                        s.deadline(),
                        s.late(),
                        s.channel(),
                        idempotencyKey)
                .update();
    }

    /** Every version of one agency's report for the period, the newest (the one that counts) first. */
    public List<Submission> history(String regime, String period, String agency) {
        return jdbc.sql("""
                        select * from report_submission where regime_code = ? and period = ? and agency_code = ?
                        order by version desc""")
                .params(regime, period, agency)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Every version filed for the period by any agency, by agency then version. */
    public List<Submission> forPeriod(String regime, String period) {
        return jdbc.sql("""
                        select * from report_submission where regime_code = ? and period = ?
                        order by agency_code, version""").params(regime, period).query((rs, n) -> map(rs)).list();
    }

    private Submission map(ResultSet rs) throws SQLException {
        return new Submission(
                rs.getObject("id", UUID.class),
                rs.getString("regime_code"),
                rs.getString("period"),
                rs.getString("agency_code"),
                rs.getInt("version"),
                json.readTree(rs.getString("report_values")),
                rs.getString("note"),
                rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("deadline", java.time.LocalDate.class),
                rs.getBoolean("late"),
                rs.getString("channel"));
    }
}
