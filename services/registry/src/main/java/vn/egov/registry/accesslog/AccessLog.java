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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * seq || canonical(row))}, the first {@code prev_hash} being 32 zero bytes. There are {@link #CHAINS} independent
 * chains; an entry goes to chain {@code hash(subject) mod 256}, so a citizen's entries stay on one chain. An append
 * is one call of the database function {@code access_log_append}, which locks its chain's head row
 * ({@code access_log_chain ... FOR UPDATE}) until commit: no forks and no gaps even with many replicas, and appends
 * to different chains commit in parallel (one chain serialised reads at the speed of one WAL flush). {@link #verify()}
 * recomputes every chain and names the first broken link.
 */
@Component
public class AccessLog {

    static final byte[] GENESIS = new byte[32];

    /** Number of independent hash chains (rows of {@code access_log_chain}, migrations V5 and V7). */
    static final int CHAINS = 256;

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
                0,
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
        return jdbc.sql("select access_log_append(?::smallint, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        chainOf(subjectPid),
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
        return jdbc.sql("select * from access_log where subject_pid = any(?) and (?::bigint is null or id < ?::bigint)"
                        + " order by id desc limit ?")
                .params(pids.toArray(String[]::new), beforeSeq, beforeSeq, limit)
                .query((rs, i) -> AccessEntry.from(rs))
                .list();
    }

    /** Recomputes every chain; the report names the first broken link, if any. */
    @Transactional(readOnly = true)
    public ChainReport verify() {
        return verify(List.of());
    }

    /**
     * Recomputes every chain and also compares it with anchors kept outside the database: at each anchor's sequence
     * the chain must hold exactly the anchor's hash (and the chain must go on from there, which the walk checks). A
     * chain rewritten consistently passes {@link #verify()} but not this. The report names the first broken link or
     * the first anchor the log disagrees with ({@code anchor-mismatch}), in chain order.
     */
    @Transactional(readOnly = true)
    public ChainReport verify(List<Anchor> anchors) {
        Map<Integer, java.util.TreeMap<Long, List<Anchor>>> anchored = new HashMap<>();
        for (Anchor anchor : anchors) {
            anchored.computeIfAbsent(anchor.chain(), c -> new java.util.TreeMap<>())
                    .computeIfAbsent(anchor.seq(), s -> new java.util.ArrayList<>())
                    .add(anchor);
        }
        Map<Integer, Head> heads = new HashMap<>();
        jdbc.sql("select chain, seq, hash from access_log_chain")
                .query((rs, i) -> heads.put(rs.getInt("chain"), new Head(rs.getLong("seq"), rs.getBytes("hash"))))
                .list();
        var walk = new Walk(anchored);
        template.query(
                connection -> {
                    var statement = connection.prepareStatement("select * from access_log order by chain, seq");
                    statement.setFetchSize(1000);
                    return statement;
                },
                rs -> {
                    if (walk.broken != null) {
                        return;
                    }
                    AccessEntry entry = AccessEntry.from(rs);
                    if (entry.chain() != walk.chain) {
                        walk.broken = walk.closeChain(heads);
                        if (walk.broken != null) {
                            return;
                        }
                        walk.chain = entry.chain();
                        walk.visited.add(walk.chain);
                        walk.seq = 0;
                        walk.lastAnchored = 0;
                        walk.hash = GENESIS;
                    }
                    byte[] prev = rs.getBytes("prev_hash");
                    byte[] stored = rs.getBytes("hash");
                    if (entry.seq() != walk.seq + 1) {
                        walk.broken = ChainReport.broken(
                                walk.chain,
                                walk.total,
                                walk.seq,
                                walk.seq + 1,
                                "missing-entry",
                                "Chuỗi " + walk.chain + ": thiếu bản ghi số " + (walk.seq + 1)
                                        + " (bản ghi tiếp theo là " + entry.seq() + ").");
                    } else if (!Arrays.equals(prev, walk.hash)) {
                        walk.broken = ChainReport.broken(
                                walk.chain,
                                walk.total,
                                walk.seq,
                                entry.seq(),
                                "prev-hash-mismatch",
                                "Chuỗi " + walk.chain + ": bản ghi số " + entry.seq()
                                        + " không nối với hàm băm của bản ghi trước.");
                    } else if (!Arrays.equals(stored, chain(prev, entry))) {
                        walk.broken = ChainReport.broken(
                                walk.chain,
                                walk.total,
                                walk.seq,
                                entry.seq(),
                                "content-altered",
                                "Chuỗi " + walk.chain + ": nội dung bản ghi số " + entry.seq()
                                        + " không khớp với hàm băm đã lưu: bản ghi đã bị sửa.");
                    } else {
                        walk.seq = entry.seq();
                        walk.hash = stored;
                        walk.total++;
                        walk.broken = walk.checkAnchorsAt(stored);
                    }
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        ChainReport last = walk.closeChain(heads);
        if (last != null) {
            return last;
        }
        // a chain without any row left must still be at its genesis (otherwise its rows were deleted)
        var unvisited = new java.util.TreeSet<>(heads.keySet());
        unvisited.addAll(anchored.keySet());
        unvisited.removeAll(walk.visited);
        for (int chain : unvisited) {
            Head head = heads.get(chain);
            if (head == null || head.seq() != 0) {
                return ChainReport.broken(
                        chain,
                        walk.total,
                        0L,
                        1L,
                        "head-mismatch",
                        head == null
                                ? "Chuỗi " + chain + " không có đầu chuỗi."
                                : "Chuỗi " + chain + " ghi " + head.seq()
                                        + " bản ghi nhưng không còn bản ghi nào: các bản ghi đã bị xóa.");
            }
            walk.chain = chain;
            walk.seq = 0;
            walk.lastAnchored = 0;
            ChainReport beyond = walk.checkAnchorsBeyondEnd();
            if (beyond != null) {
                return beyond;
            }
        }
        return ChainReport.intact(walk.total, heads.size(), walk.anchorsChecked);
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

    /** The chain of an entry: a citizen's entries stay on one of the {@link #CHAINS} chains. */
    static int chainOf(String subjectPid) {
        return subjectPid == null ? 0 : Math.floorMod(subjectPid.hashCode(), CHAINS);
    }

    private record Head(long seq, byte[] hash) {}

    private static final class Walk {
        final java.util.Set<Integer> visited = new java.util.HashSet<>(java.util.Set.of(0));
        final Map<Integer, java.util.TreeMap<Long, List<Anchor>>> anchors;
        int chain;
        long seq;
        long total;
        byte[] hash = GENESIS;
        ChainReport broken;
        /** Highest sequence of the current chain found equal to an anchor. */
        long lastAnchored;

        int anchorsChecked;

        Walk(Map<Integer, java.util.TreeMap<Long, List<Anchor>>> anchors) {
            this.anchors = anchors;
        }

        /** The entry just verified ({@code seq}, {@code stored}) against every anchor at that place. */
        ChainReport checkAnchorsAt(byte[] stored) {
            var ofChain = anchors.get(chain);
            List<Anchor> here = ofChain == null ? null : ofChain.get(seq);
            if (here == null) {
                return null;
            }
            for (Anchor anchor : here) {
                anchorsChecked++;
                if (!Arrays.equals(anchor.hash(), stored)) {
                    return ChainReport.anchorMismatch(
                            chain,
                            total,
                            lastAnchored,
                            seq,
                            anchorsChecked,
                            anchor.checkpoint(),
                            "Chuỗi " + chain + ": bản ghi số " + seq + " không khớp với điểm kiểm tra số "
                                    + anchor.checkpoint()
                                    + " (đã ký, lưu ngoài CSDL): chuỗi đã bị viết lại ở bản ghi nào đó từ số "
                                    + (lastAnchored + 1)
                                    + " đến " + seq + ".");
                }
            }
            lastAnchored = seq;
            return null;
        }

        /** Anchors of the current chain beyond its last entry: the chain was cut back and re-chained. */
        ChainReport checkAnchorsBeyondEnd() {
            var ofChain = anchors.get(chain);
            var beyond = ofChain == null ? null : ofChain.higherEntry(seq);
            if (beyond == null) {
                return null;
            }
            Anchor anchor = beyond.getValue().getFirst();
            return ChainReport.anchorMismatch(
                    chain,
                    total,
                    lastAnchored,
                    anchor.seq(),
                    anchorsChecked + 1,
                    anchor.checkpoint(),
                    "Chuỗi " + chain + " chỉ còn " + seq + " bản ghi nhưng điểm kiểm tra số " + anchor.checkpoint()
                            + " (đã ký, lưu ngoài CSDL) ghi nhận bản ghi số " + anchor.seq()
                            + ": các bản ghi đã bị xóa và chuỗi được tính lại.");
        }

        /** Checks that the chain just walked ends where its head says; also checks skipped empty chains. */
        ChainReport closeChain(Map<Integer, Head> heads) {
            Head head = heads.get(chain);
            if (head == null) {
                return ChainReport.broken(
                        chain, total, seq, seq + 1, "head-mismatch", "Chuỗi " + chain + " không có đầu chuỗi.");
            }
            if (head.seq() != seq || !Arrays.equals(head.hash(), hash)) {
                return ChainReport.broken(
                        chain,
                        total,
                        seq,
                        seq + 1,
                        "head-mismatch",
                        "Chuỗi " + chain + ": đầu chuỗi ghi số " + head.seq() + " nhưng bản ghi cuối cùng hợp lệ là số "
                                + seq + ": có bản ghi cuối đã bị xóa.");
            }
            return checkAnchorsBeyondEnd();
        }
    }
}
