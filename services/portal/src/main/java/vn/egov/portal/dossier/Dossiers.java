package vn.egov.portal.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.web.ApiProblem;

/**
 * The dossiers table and its history (sổ theo dõi hồ sơ). Every status change goes through {@link #change}: one
 * place that bumps the version, writes the history line and publishes the event, in the caller's transaction.
 */
@Repository
public class Dossiers {

    private static final String COLUMNS = """
            id, code, procedure_code, agency_code, applicant_pid, applicant_name, applicant_email, channel, status,
            form::text as form, version, created_at, updated_at, submitted_at, received_at, due_date,
            rescheduled_date, completed_at, returned_at, assignee""";

    /** Dossier codes end with a four-digit number of the intake day. */
    public static final int MAX_PER_DAY = 9999;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DossierEvents events;
    private final Clock clock;

    public Dossiers(JdbcClient jdbc, JsonMapper json, DossierEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Dossier> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = ?")
                .param(code)
                .query(this::map)
                .optional();
    }

    /** A citizen's own dossiers (drafts included), newest first. */
    public List<Dossier> ofApplicant(String applicantPid, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS
                        + " from dossier where applicant_pid = ? order by created_at desc, id limit ? offset ?")
                .params(applicantPid, limit, offset)
                .query(this::map)
                .list();
    }

    public long countOfApplicant(String applicantPid) {
        return jdbc.sql("select count(*) from dossier where applicant_pid = ?")
                .param(applicantPid)
                .query(Long.class)
                .single();
    }

    /** Reads and locks the dossier for a change in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Dossier> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    /**
     * What a step changes besides the status; null fields are left as they are (dates only ever get set or move
     * forward through explicit steps).
     */
    public record Change(
            DossierStatus status,
            String code,
            String agencyCode,
            Instant submittedAt,
            Instant receivedAt,
            LocalDate dueDate,
            LocalDate rescheduledDate,
            Instant completedAt,
            Instant returnedAt,
            String assignee) {

        public static Change to(DossierStatus status) {
            return new Change(status, null, null, null, null, null, null, null, null, null);
        }

        /** The dossier code given on submission (mã số hồ sơ) and the submission time. */
        public Change submitted(String dossierCode, Instant at) {
            return new Change(
                    status,
                    dossierCode,
                    agencyCode,
                    at,
                    receivedAt,
                    dueDate,
                    rescheduledDate,
                    completedAt,
                    returnedAt,
                    assignee);
        }

        /** Hands the dossier to another competent agency (liên thông). */
        public Change agency(String agency) {
            return new Change(
                    status,
                    code,
                    agency,
                    submittedAt,
                    receivedAt,
                    dueDate,
                    rescheduledDate,
                    completedAt,
                    returnedAt,
                    assignee);
        }

        /** The clock starts (or restarts after a supplement) at {@code at}; the appointment is {@code due}. */
        public Change received(Instant at, LocalDate due) {
            return new Change(
                    status, code, agencyCode, submittedAt, at, due, rescheduledDate, completedAt, returnedAt, assignee);
        }

        /** The new date of the apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả). */
        public Change rescheduled(LocalDate date) {
            return new Change(
                    status,
                    code,
                    agencyCode,
                    submittedAt,
                    receivedAt,
                    dueDate,
                    date,
                    completedAt,
                    returnedAt,
                    assignee);
        }

        /** Processing ended (NgayKetThucXuLy). */
        public Change completed(Instant at) {
            return new Change(
                    status,
                    code,
                    agencyCode,
                    submittedAt,
                    receivedAt,
                    dueDate,
                    rescheduledDate,
                    at,
                    returnedAt,
                    assignee);
        }

        public Change returned(Instant at) {
            return new Change(
                    status,
                    code,
                    agencyCode,
                    submittedAt,
                    receivedAt,
                    dueDate,
                    rescheduledDate,
                    completedAt,
                    at,
                    assignee);
        }

        public Change assignedTo(String user) {
            return new Change(
                    status,
                    code,
                    agencyCode,
                    submittedAt,
                    receivedAt,
                    dueDate,
                    rescheduledDate,
                    completedAt,
                    returnedAt,
                    user);
        }
    }

    /** Who performed a step (sổ theo dõi: người thực hiện). */
    public record Actor(String user, String agencyCode) {}

    /**
     * Applies a step to a dossier locked by {@link #lock}: new status and dates, version + 1, a history line with
     * the actor and note, and the {@code status-changed} event, all in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Dossier change(
            Dossier locked, Change change, String action, Actor actor, String note, Map<String, ?> details) {
        Instant now = clock.instant();
        int version = locked.version() + 1;
        jdbc.sql("""
                        update dossier set status = ?, code = coalesce(?, code), agency_code = coalesce(?, agency_code),
                          submitted_at = coalesce(?, submitted_at),
                          received_at = coalesce(?, received_at), due_date = coalesce(?, due_date),
                          rescheduled_date = coalesce(?, rescheduled_date), completed_at = coalesce(?, completed_at),
                          returned_at = coalesce(?, returned_at), assignee = coalesce(?, assignee),
                          version = ?, updated_at = ?
                        where id = ? and version = ?""")
                .params(
                        change.status().code(),
                        change.code(),
                        change.agencyCode(),
                        ts(change.submittedAt()),
                        ts(change.receivedAt()),
                        change.dueDate(),
                        change.rescheduledDate(),
                        ts(change.completedAt()),
                        ts(change.returnedAt()),
                        change.assignee(),
                        version,
                        Timestamp.from(now),
                        locked.id(),
                        locked.version())
                .update();
        history(locked.id(), version, action, locked.status(), change.status(), actor, note, details, now);
        Dossier changed = find(locked.id()).orElseThrow();
        events.statusChanged(changed, locked.status(), procedureFacts(changed.procedureCode()));
        return changed;
    }

    /** Writes a history line without a status change (a draft saved, a file attached, a note). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void history(
            UUID dossierId,
            int version,
            String action,
            DossierStatus from,
            DossierStatus to,
            Actor actor,
            String note,
            Map<String, ?> details,
            Instant at) {
        jdbc.sql("""
                        insert into dossier_history
                          (dossier_id, version, action, from_status, to_status, actor, actor_agency, at, note, details)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        dossierId,
                        version,
                        action,
                        from == null ? null : from.code(),
                        to == null ? null : to.code(),
                        actor.user(),
                        actor.agencyCode(),
                        Timestamp.from(at),
                        note,
                        json.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    /** One line of the dossier's history. */
    public record HistoryLine(
            int version,
            String action,
            Integer fromStatus,
            Integer toStatus,
            String actor,
            String actorAgency,
            Instant at,
            String note,
            JsonNode details) {}

    public List<HistoryLine> historyOf(UUID dossierId) {
        return jdbc.sql("""
                        select version, action, from_status, to_status, actor, actor_agency, at, note, details::text
                        from dossier_history where dossier_id = ? order by id""")
                .param(dossierId)
                .query((rs, n) -> new HistoryLine(
                        rs.getInt(1),
                        rs.getString(2),
                        (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        json.readTree(rs.getString(9))))
                .list();
    }

    /**
     * The next dossier code of a receiving agency for an intake day: {@code <agency>-YYMMDD-NNNN} (TT 01/2018
     * Điều 19), numbers given without gaps under concurrency (row lock on the agency's day).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextCode(String agencyCode, LocalDate day) {
        int number = jdbc.sql("""
                        insert into dossier_sequence (agency_code, day, last_number) values (?, ?, 1)
                        on conflict (agency_code, day) do update set last_number = dossier_sequence.last_number + 1
                        returning last_number""").params(agencyCode, day).query(Integer.class).single();
        if (number > MAX_PER_DAY) {
            // the code's four digits (TT 01/2018 Điều 19) are used up: refuse clearly, the transaction rolls back
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "dossier-codes-exhausted",
                    "Cơ quan " + agencyCode + " đã cấp hết " + MAX_PER_DAY
                            + " mã số hồ sơ của ngày (mã gồm 4 chữ số theo Thông tư 01/2018/TT-VPCP); hồ sơ chưa"
                            + " được nộp, vui lòng nộp lại vào ngày tiếp theo.");
        }
        return "%s-%02d%02d%02d-%04d"
                .formatted(agencyCode, day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth(), number);
    }

    DossierEvents.ProcedureFacts procedureFacts(String procedureCode) {
        return jdbc.sql("select level, fully_online from procedure where code = ?")
                .param(procedureCode)
                .query((rs, n) -> new DossierEvents.ProcedureFacts(rs.getInt(1), rs.getBoolean(2)))
                .single();
    }

    private Dossier map(ResultSet rs, int row) throws SQLException {
        Object status = rs.getObject("status");
        return new Dossier(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("agency_code"),
                rs.getString("applicant_pid"),
                rs.getString("applicant_name"),
                rs.getString("applicant_email"),
                rs.getString("channel"),
                status == null ? null : DossierStatus.of(((Number) status).intValue()),
                json.readTree(rs.getString("form")),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("rescheduled_date", LocalDate.class),
                instant(rs, "completed_at"),
                instant(rs, "returned_at"),
                rs.getString("assignee"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
