package vn.egov.interchange.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nhật ký thông điệp — an append-only, hash-chained log of every package and status package the axis accepted. Each
 * entry's hash covers its fields and the previous entry's hash, so changing, removing or reordering any entry breaks
 * every later link. A message is recorded in the transaction that accepts it; right after commit a single chainer
 * (advisory lock, every {@code egov.interchange.message-log.chain-interval}) gives it its place and hash, so accepting
 * transactions never wait for each other on the chain's head.
 */
@Component
public class MessageLog {

    static final long LOCK = 0x1C_0001L;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectProvider<MessageLog> self;

    public MessageLog(JdbcTemplate jdbc, Clock clock, ObjectProvider<MessageLog> self) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.self = self;
    }

    private MessageLog self() {
        return self.getObject();
    }

    /** Records a message in the caller's transaction; {@link #chain()} links it into the chain after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String kind, String documentId, String actor, String statusCode, String contentSha256) {
        jdbc.update(
                "INSERT INTO message_log (recorded_at, kind, document_id, actor, status_code, content_sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                kind,
                documentId,
                actor,
                statusCode,
                contentSha256);
    }

    /**
     * Links every committed, not yet chained message into the chain, in the order they became visible; one chainer
     * at a time (advisory lock). Returns how many were chained.
     */
    @Transactional
    public int chain() {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<Object[]> head = jdbc.query(
                "SELECT seq, hash FROM message_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong("seq"), rs.getString("hash")});
        long seq = head.isEmpty() ? 0 : (long) head.getFirst()[0];
        String previous = head.isEmpty() ? LogEntry.GENESIS : (String) head.getFirst()[1];
        List<LogEntry> pending = jdbc.query(
                "SELECT id, recorded_at, kind, document_id, actor, status_code, content_sha256 FROM message_log"
                        + " WHERE seq IS NULL ORDER BY id LIMIT 5000",
                (rs, i) -> new LogEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("document_id"),
                        rs.getString("actor"),
                        rs.getString("status_code") == null
                                ? null
                                : rs.getString("status_code").strip(),
                        rs.getString("content_sha256"),
                        null,
                        null));
        for (LogEntry p : pending) {
            seq++;
            LogEntry e = LogEntry.chain(
                    seq,
                    p.recordedAt(),
                    p.kind(),
                    p.documentId(),
                    p.actor(),
                    p.statusCode(),
                    p.contentSha256(),
                    previous);
            jdbc.update(
                    "UPDATE message_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    e.seq(),
                    e.prevHash(),
                    e.hash(),
                    p.seq()); // p.seq() carries the row id here
            previous = e.hash();
        }
        return pending.size();
    }

    @Scheduled(fixedDelayString = "${egov.interchange.message-log.chain-interval:PT0.5S}")
    public void scheduledChain() {
        self().chain();
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
                        rs.getString("status_code") == null
                                ? null
                                : rs.getString("status_code").strip(),
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
