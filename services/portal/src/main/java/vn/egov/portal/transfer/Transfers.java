package vn.egov.portal.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transfers table: requests, attempts and statuses. */
@Repository
public class Transfers {

    private static final String COLUMNS = """
            id, dossier_id, from_agency, to_agency, document_id, state, attempts, next_attempt_at, last_error,
            interchange_id, status_code, requested_by, requested_at, sent_at""";

    private final JdbcClient jdbc;

    public Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('dossier_transfer_number')")
                .query(Long.class)
                .single();
    }

    public void insert(Transfer t, byte[] signedPackage) {
        jdbc.sql("""
                        insert into dossier_transfer (id, dossier_id, from_agency, to_agency, document_id, package, state,
                          attempts, next_attempt_at, requested_by, requested_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""")
                .params(
                        t.id(),
                        t.dossierId(),
                        t.fromAgency(),
                        t.toAgency(),
                        t.documentId(),
                        signedPackage,
                        Timestamp.from(t.nextAttemptAt()),
                        t.requestedBy(),
                        Timestamp.from(t.requestedAt()),
                        Timestamp.from(t.requestedAt()))
                .update();
    }

    public Optional<Transfer> openOf(UUID dossierId) {
        return jdbc.sql("select " + COLUMNS
                        + " from dossier_transfer where dossier_id = ? and state in ('PENDING', 'SENT', 'ACCEPTED')")
                .param(dossierId)
                .query(this::map)
                .optional();
    }

    public List<Transfer> ofDossier(UUID dossierId) {
        return jdbc.sql("select " + COLUMNS + " from dossier_transfer where dossier_id = ? order by requested_at")
                .param(dossierId)
                .query(this::map)
                .list();
    }

    public Optional<Transfer> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dossier_transfer where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Pending transfers whose next attempt is due, oldest first. */
    public List<Transfer> due(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from dossier_transfer where state = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at limit ?""")
                .params(Timestamp.from(now), limit)
                .query(this::map)
                .list();
    }

    /** Sent transfers whose other agency has not finished, least recently followed first. */
    public List<Transfer> following(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from dossier_transfer where state in ('SENT', 'ACCEPTED')
                        order by updated_at limit ?""").param(limit).query(this::map).list();
    }

    public byte[] packageOf(UUID id) {
        return jdbc.sql("select package from dossier_transfer where id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    public void sent(UUID id, UUID interchangeId, Instant at) {
        jdbc.sql("""
                        update dossier_transfer set state = 'SENT', interchange_id = ?, sent_at = ?, attempts = attempts + 1,
                          last_error = null, updated_at = ? where id = ? and state = 'PENDING'""")
                .params(interchangeId, Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    public void retryLater(UUID id, String error, Instant next, Instant at) {
        jdbc.sql("""
                        update dossier_transfer set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                          updated_at = ? where id = ? and state = 'PENDING'""")
                .params(error, Timestamp.from(next), Timestamp.from(at), id)
                .update();
    }

    public void failed(UUID id, String error, Instant at) {
        jdbc.sql("""
                        update dossier_transfer set state = 'FAILED', attempts = attempts + 1, last_error = ?,
                          updated_at = ? where id = ? and state = 'PENDING'""").params(error, Timestamp.from(at), id).update();
    }

    public void status(UUID id, Transfer.State state, String statusCode, Instant at) {
        jdbc.sql("update dossier_transfer set state = ?, status_code = ?, updated_at = ? where id = ?")
                .params(state.name(), statusCode, Timestamp.from(at), id)
                .update();
    }

    public void followed(UUID id, Instant at) {
        jdbc.sql("update dossier_transfer set updated_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    private Transfer map(ResultSet rs, int n) throws SQLException {
        return new Transfer(
                rs.getObject("id", UUID.class),
                rs.getObject("dossier_id", UUID.class),
                rs.getString("from_agency"),
                rs.getString("to_agency"),
                rs.getString("document_id"),
                Transfer.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"),
                rs.getObject("interchange_id", UUID.class),
                rs.getString("status_code"),
                rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
