package vn.egov.portal.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The feedback table (sổ tiếp nhận phản ánh, kiến nghị). */
@Repository
public class Feedbacks {

    private static final String COLUMNS = """
            id, code, kind, agency_code, dossier_id, title, content, submitter_pid, submitted_at, status, answer,
            answered_by, answered_at, published, public_question, published_at, version""";

    private final JdbcClient jdbc;

    public Feedbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Feedback> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from feedback where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<Feedback> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from feedback where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<Feedback> ofSubmitter(String pid) {
        return jdbc.sql("select " + COLUMNS + " from feedback where submitter_pid = ? order by submitted_at desc")
                .param(pid)
                .query(this::map)
                .list();
    }

    public List<Feedback> ofAgency(String agencyCode, Feedback.Status status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from feedback where agency_code = ? and (?::text is null or status = ?)"
                        + " order by submitted_at desc limit ?")
                .params(agencyCode, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(this::map)
                .list();
    }

    public List<Feedback> published(String agencyCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from feedback where published and (?::text is null or agency_code = ?)"
                        + " order by published_at desc limit ?")
                .params(agencyCode, agencyCode, limit)
                .query(this::map)
                .list();
    }

    public String nextCode(int year) {
        long n = jdbc.sql("select nextval('feedback_number')").query(Long.class).single();
        return "PAKN-%d-%06d".formatted(year, n);
    }

    public void insert(Feedback f) {
        jdbc.sql("""
                        insert into feedback (id, code, kind, agency_code, dossier_id, title, content, submitter_pid,
                          submitted_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        f.id(),
                        f.code(),
                        f.kind().name(),
                        f.agencyCode(),
                        f.dossierId(),
                        f.title(),
                        f.content(),
                        f.submitterPid(),
                        Timestamp.from(f.submittedAt()),
                        f.status().name())
                .update();
    }

    public void answer(UUID id, String answer, String officer, Instant at) {
        jdbc.sql("""
                        update feedback set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ?,
                          version = version + 1 where id = ?""").params(answer, officer, Timestamp.from(at), id).update();
    }

    public void publish(UUID id, String publicQuestion, Instant at) {
        jdbc.sql("""
                        update feedback set published = true, public_question = ?, published_at = ?, version = version + 1
                        where id = ?""").params(publicQuestion, Timestamp.from(at), id).update();
    }

    /** The agency's name as the catalogue knows it, if it is a competent agency of some procedure. */
    public Optional<String> agencyName(String agencyCode) {
        return jdbc.sql("select agency_name from procedure where agency_code = ? order by code limit 1")
                .param(agencyCode)
                .query(String.class)
                .optional();
    }

    private Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                Feedback.Kind.valueOf(rs.getString("kind")),
                rs.getString("agency_code"),
                rs.getObject("dossier_id", UUID.class),
                rs.getString("title"),
                rs.getString("content"),
                rs.getString("submitter_pid"),
                rs.getTimestamp("submitted_at").toInstant(),
                Feedback.Status.valueOf(rs.getString("status")),
                rs.getString("answer"),
                rs.getString("answered_by"),
                instant(rs.getTimestamp("answered_at")),
                rs.getBoolean("published"),
                rs.getString("public_question"),
                instant(rs.getTimestamp("published_at")),
                rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
