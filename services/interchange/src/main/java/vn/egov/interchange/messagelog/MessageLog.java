package vn.egov.interchange.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nhật ký thông điệp — an append-only, hash-chained log of every package and status package the axis accepted. Each
 * entry's hash covers its fields and the previous entry's hash, so changing, removing or reordering any entry breaks
 * every later link. Appends join the transaction that accepts the message and are serialised by an advisory lock.
 */
@Component
public class MessageLog {

    static final long LOCK = 0x1C_0001L;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MessageLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LogEntry append(String kind, String documentId, String actor, String statusCode, String contentSha256) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
        List<Object[]> last = jdbc.query("SELECT seq, hash FROM message_log ORDER BY seq DESC LIMIT 1", (rs, i) ->
                new Object[] {rs.getLong("seq"), rs.getString("hash")});
        long seq = last.isEmpty() ? 1 : (long) last.getFirst()[0] + 1;
        String previous = last.isEmpty() ? LogEntry.GENESIS : (String) last.getFirst()[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LogEntry entry = LogEntry.chain(seq, at, kind, documentId, actor, statusCode, contentSha256, previous);
        jdbc.update(
                "INSERT INTO message_log (seq, recorded_at, kind, document_id, actor, status_code, content_sha256,"
                        + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.seq(),
                Timestamp.from(entry.recordedAt()),
                entry.kind(),
                entry.documentId(),
                entry.actor(),
                entry.statusCode(),
                entry.contentSha256(),
                entry.prevHash(),
                entry.hash());
        return entry;
    }

    public List<LogEntry> entries(long fromSeq, int limit) {
        return jdbc.query(
                "SELECT seq, recorded_at, kind, document_id, actor, status_code, content_sha256, prev_hash, hash"
                        + " FROM message_log WHERE seq >= ? ORDER BY seq LIMIT ?",
                (rs, i) -> new LogEntry(
                        rs.getLong("seq"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("document_id"),
                        rs.getString("actor"),
                        rs.getString("status_code"),
                        rs.getString("content_sha256"),
                        rs.getString("prev_hash"),
                        rs.getString("hash")),
                fromSeq,
                limit);
    }

    public List<Checkpoint> checkpoints(long fromSeq, long toSeq) {
        return jdbc.query(
                "SELECT seq, hash, created_at, timestamp_token FROM message_log_checkpoint WHERE seq BETWEEN ? AND ?"
                        + " ORDER BY seq",
                (rs, i) -> new Checkpoint(
                        rs.getLong("seq"),
                        rs.getString("hash"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBytes("timestamp_token")),
                fromSeq,
                toSeq);
    }
}
