package vn.egov.portal.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hàng đợi thư: the mail outbox table ({@code mail_message}). */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Mail(long id, String recipient, String subject, String body, int attempts) {}

    void enqueue(String eventId, UUID dossierId, String recipient, String subject, String body, Instant now) {
        jdbc.sql("""
                        insert into mail_message (event_id, dossier_id, recipient, subject, body, next_attempt_at,
                          created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, dossierId, recipient, subject, body, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Pending mails that are due, locked for this transaction (other senders skip them). */
    List<Mail> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id, recipient, subject, body, attempts from mail_message
                        where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at, id limit ? for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) ->
                        new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    void sent(long id, Instant now) {
        jdbc.sql("update mail_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null"
                        + " where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    void failed(long id, String error, Instant next, boolean giveUp) {
        jdbc.sql("update mail_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                        + " status = case when ? then 'FAILED' else status end where id = ?")
                .params(error, Timestamp.from(next), giveUp, id)
                .update();
    }
}
