package vn.egov.registry.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One row of the access log: who read whose data, which fields, for which purpose, and how it ended. {@code id}
 * orders all entries; {@code chain} and {@code seq} place the entry in its hash chain.
 */
public record AccessEntry(
        long id,
        int chain,
        long seq,
        Instant occurredAt,
        String clientId,
        String username,
        String agencyCode,
        String callerPid,
        String subjectPid,
        AccessAction action,
        String purposeCode,
        String fields,
        String reference,
        AccessOutcome outcome,
        String reason) {

    static AccessEntry from(ResultSet rs) throws SQLException {
        return new AccessEntry(
                rs.getLong("id"),
                rs.getInt("chain"),
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("client_id"),
                rs.getString("username"),
                rs.getString("agency_code"),
                rs.getString("caller_pid"),
                rs.getString("subject_pid"),
                AccessAction.valueOf(rs.getString("action")),
                rs.getString("purpose_code"),
                rs.getString("fields"),
                rs.getString("reference"),
                AccessOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"));
    }
}
