package vn.egov.registry.accesslog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.security.Caller;

/**
 * Nhật ký truy cập dữ liệu dân cư — the access log (Decree 13/2023 art. 38): every read and verification of
 * population data, granted or denied, appended in the transaction that decides the answer.
 *
 * <p>Append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained: {@code hash = SHA-256(prev_hash ||
 * seq || canonical(row))}, the first {@code prev_hash} being 32 zero bytes. An append is one call of the database
 * function {@code access_log_append}, which locks the single-row chain head ({@code FOR UPDATE}) until commit, so
 * the chain has no forks and no gaps even with many replicas; {@link #verify()} recomputes it and names the first
 * broken link.
 */
@Component
public class AccessLog {

    static final byte[] GENESIS = new byte[32];

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public AccessLog(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Appends one entry in the caller's transaction; returns its sequence number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(
            Caller caller,
            String subjectPid,
            AccessAction action,
            String purposeCode,
            List<String> fields,
            String reference,
            AccessOutcome outcome,
            String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var entry = new AccessEntry(
                0,
                now,
                caller == null ? null : caller.clientId(),
                caller == null ? null : caller.username(),
                caller == null ? null : caller.agencyCode(),
                caller == null ? null : caller.pid(),
                subjectPid,
                action,
                purposeCode,
                fields == null
                        ? ""
                        : String.join(",", fields.stream().sorted().distinct().toList()),
                reference,
                outcome,
                reason);
        // one round trip: the function locks the chain head, links the row and moves the head (V3 migration)
        return jdbc.sql("select access_log_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        entry.clientId(),
                        entry.username(),
                        entry.agencyCode(),
                        entry.callerPid(),
                        entry.subjectPid(),
                        entry.action().name(),
                        entry.purposeCode(),
                        entry.fields(),
                        entry.reference(),
                        entry.outcome().name(),
                        entry.reason(),
                        canonical(entry))
                .query(Long.class)
                .single();
    }

    /** Entries about any of {@code pids}, newest first, before {@code beforeSeq} (exclusive) if given. */
    @Transactional(readOnly = true)
    public List<AccessEntry> about(List<String> pids, Long beforeSeq, int limit) {
        return jdbc.sql("select * from access_log where subject_pid = any(?) and (?::bigint is null or seq < ?::bigint)"
                        + " order by seq desc limit ?")
                .params(pids.toArray(String[]::new), beforeSeq, beforeSeq, limit)
                .query((rs, i) -> AccessEntry.from(rs))
                .list();
    }

    /** Recomputes the whole chain; the report names the first broken link, if any. */
    @Transactional(readOnly = true)
    public ChainReport verify() {
        var walk = new Walk();
        template.query(
                connection -> {
                    var statement = connection.prepareStatement("select * from access_log order by seq");
                    statement.setFetchSize(1000);
                    return statement;
                },
                rs -> {
                    if (walk.broken != null) {
                        return;
                    }
                    AccessEntry entry = AccessEntry.from(rs);
                    byte[] prev = rs.getBytes("prev_hash");
                    byte[] stored = rs.getBytes("hash");
                    if (entry.seq() != walk.seq + 1) {
                        walk.broken = ChainReport.broken(
                                walk.seq,
                                walk.seq + 1,
                                "missing-entry",
                                "Thiếu bản ghi số " + (walk.seq + 1) + " (bản ghi tiếp theo là " + entry.seq() + ").");
                    } else if (!Arrays.equals(prev, walk.hash)) {
                        walk.broken = ChainReport.broken(
                                walk.seq,
                                entry.seq(),
                                "prev-hash-mismatch",
                                "Bản ghi số " + entry.seq() + " không nối với hàm băm của bản ghi trước.");
                    } else if (!Arrays.equals(stored, chain(prev, entry))) {
                        walk.broken = ChainReport.broken(
                                walk.seq,
                                entry.seq(),
                                "content-altered",
                                "Nội dung bản ghi số " + entry.seq()
                                        + " không khớp với hàm băm đã lưu: bản ghi đã bị sửa.");
                    } else {
                        walk.seq = entry.seq();
                        walk.hash = stored;
                    }
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        Head head = jdbc.sql("select seq, hash from access_log_head where id")
                .query((rs, i) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
                .single();
        if (head.seq() != walk.seq || !Arrays.equals(head.hash(), walk.hash)) {
            return ChainReport.broken(
                    walk.seq,
                    walk.seq + 1,
                    "head-mismatch",
                    "Đầu chuỗi ghi số " + head.seq() + " nhưng bản ghi cuối cùng hợp lệ là số " + walk.seq
                            + ": có bản ghi cuối đã bị xóa.");
        }
        return ChainReport.intact(walk.seq, HexFormat.of().formatHex(walk.hash));
    }

    /** {@code SHA-256(prev || seq as 8 bytes big-endian || canonical(entry))}, as the database computes it. */
    static byte[] chain(byte[] prev, AccessEntry entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            sha.update(ByteBuffer.allocate(8).putLong(entry.seq()).array());
            sha.update(canonical(entry));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The row without its sequence number (the database adds it): length-prefixed fields, lengths in code points,
     * in a fixed order, so no two different rows share a canonical form.
     */
    static byte[] canonical(AccessEntry e) {
        StringBuilder out = new StringBuilder("v1");
        for (Object value : new Object[] {
            e.occurredAt(),
            e.clientId(),
            e.username(),
            e.agencyCode(),
            e.callerPid(),
            e.subjectPid(),
            e.action(),
            e.purposeCode(),
            e.fields(),
            e.reference(),
            e.outcome(),
            e.reason()
        }) {
            if (value == null) {
                out.append("|-1:");
            } else {
                String text = value.toString();
                out.append('|')
                        .append(text.codePointCount(0, text.length()))
                        .append(':')
                        .append(text);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Head(long seq, byte[] hash) {}

    private static final class Walk {
        long seq;
        byte[] hash = GENESIS;
        ChainReport broken;
    }
}
