package vn.egov.interchange.messagelog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodically seals the message log: takes the head (sequence and hash), has it time-stamped (RFC 3161) and stores
 * the checkpoint. Safe with many replicas (a transaction-scoped advisory lock; a head already sealed is skipped).
 */
@Component
public class LogCheckpoints {

    private final JdbcTemplate jdbc;
    private final Timestamper timestamper;
    private final MessageLog log;
    private final Clock clock;

    public LogCheckpoints(JdbcTemplate jdbc, Timestamper timestamper, MessageLog log, Clock clock) {
        this.jdbc = jdbc;
        this.timestamper = timestamper;
        this.log = log;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${egov.interchange.message-log.checkpoint-interval:PT5M}",
            initialDelayString = "${egov.interchange.message-log.checkpoint-interval:PT5M}")
    public void scheduled() {
        checkpoint();
    }

    /** Seals the current head; returns the checkpoint's sequence, or null when there is nothing new. */
    @Transactional
    public Long checkpoint() {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, MessageLog.LOCK + 1);
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        // wait for a chainer at work so that the checkpoint seals every message committed before it was asked for
        // (advisory locks are re-entrant within the session: chain() below takes the same lock again)
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, MessageLog.LOCK);
        log.chain();
        List<Object[]> head = jdbc.query(
                "SELECT seq, hash FROM message_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getLong("seq"), rs.getString("hash")});
        if (head.isEmpty()) {
            return null;
        }
        long seq = (long) head.getFirst()[0];
        String hash = (String) head.getFirst()[1];
        Integer existing =
                jdbc.queryForObject("SELECT count(*) FROM message_log_checkpoint WHERE seq = ?", Integer.class, seq);
        if (existing != null && existing > 0) {
            return null;
        }
        byte[] token = timestamper.timestamp(HexFormat.of().parseHex(hash));
        jdbc.update(
                "INSERT INTO message_log_checkpoint (seq, hash, created_at, timestamp_token) VALUES (?, ?, ?, ?)",
                seq,
                hash,
                Timestamp.from(clock.instant()),
                token);
        return seq;
    }
}
