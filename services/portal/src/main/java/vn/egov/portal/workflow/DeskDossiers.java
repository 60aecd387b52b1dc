package vn.egov.portal.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.portal.dossier.DossierStatus;

/**
 * Sổ theo dõi hồ sơ của cơ quan: the officer desk's view of its own agency's dossiers (never drafts, never another
 * agency's), filtered by status and by the overdue flag, the nearest promised date first.
 */
@Repository
public class DeskDossiers {

    private final JdbcClient jdbc;

    public DeskDossiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the desk list. */
    public record Line(
            UUID id,
            String code,
            String procedureCode,
            String procedureName,
            String applicantName,
            int status,
            String statusLabel,
            int version,
            Instant submittedAt,
            Instant receivedAt,
            LocalDate dueDate,
            LocalDate rescheduledDate,
            Instant completedAt,
            String assignee,
            boolean overdue) {}

    /** The filter of the desk list; null fields do not filter. */
    public record Filter(DossierStatus status, Boolean overdue, String assignee, int limit, int offset) {}

    public List<Line> list(String agencyCode, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select d.id, d.code, d.procedure_code, p.name as procedure_name, d.applicant_name, d.status,
                  d.version, d.submitted_at, d.received_at, d.due_date, d.rescheduled_date, d.completed_at,
                  d.assignee, (o.dossier_id is not null and d.status in (2, 4, 5, 6)) as overdue
                from dossier d join procedure p on p.code = d.procedure_code
                  left join dossier_overdue o on o.dossier_id = d.id
                where d.agency_code = ? and d.status is not null""");
        List<Object> params = new ArrayList<>();
        params.add(agencyCode);
        if (filter.status() != null) {
            sql.append(" and d.status = ?");
            params.add(filter.status().code());
        }
        if (filter.overdue() != null) {
            sql.append(
                    filter.overdue()
                            ? " and o.dossier_id is not null and d.status in (2, 4, 5, 6)"
                            : " and not (o.dossier_id is not null and d.status in (2, 4, 5, 6))");
        }
        if (filter.assignee() != null) {
            sql.append(" and d.assignee = ?");
            params.add(filter.assignee());
        }
        sql.append(
                " order by greatest(d.due_date, coalesce(d.rescheduled_date, d.due_date)) nulls last, d.submitted_at, d.id");
        sql.append(" limit ? offset ?");
        params.add(filter.limit());
        params.add(filter.offset());
        return jdbc.sql(sql.toString()).params(params).query(this::line).list();
    }

    public boolean isOverdue(UUID dossierId) {
        return jdbc.sql("select count(*) from dossier_overdue where dossier_id = ?")
                        .param(dossierId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private Line line(ResultSet rs, int n) throws SQLException {
        DossierStatus status = DossierStatus.of(rs.getInt("status"));
        return new Line(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("procedure_name"),
                rs.getString("applicant_name"),
                status.code(),
                status.label(),
                rs.getInt("version"),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("received_at")),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("rescheduled_date", LocalDate.class),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("assignee"),
                rs.getBoolean("overdue"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
