package vn.egov.registry.accesslog.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Điểm kiểm tra nhật ký truy cập — a signed checkpoint of the access log: at {@code createdAt}, the head (sequence
 * and hash) of every chain that has entries, and the hash of the previous checkpoint, so checkpoints chain too. It
 * is signed (Ed25519) with the registry's checkpoint key and published outside the database (Kafka topic {@code
 * registry.access-log.v1}, optionally a directory), where auditors and other organisations keep it as an anchor.
 *
 * <p>What is signed is {@link #canonical()}: ASCII lines ending with {@code \n},
 *
 * <pre>
 * vn.egov.registry.access-log.checkpoint.v1
 * number 42
 * created-at 2026-11-29T03:05:00.123456Z          (Instant.toString of the instant, UTC)
 * previous &lt;64 hex: SHA-256 of the previous checkpoint's canonical form, 64 zeros for the first&gt;
 * head &lt;chain&gt; &lt;seq&gt; &lt;64 hex hash&gt;                (one line per chain with seq &gt; 0, ascending chain)
 * </pre>
 *
 * {@code hash} is SHA-256 of that text, {@code signature} the Ed25519 signature of it (base64, 64 bytes), {@code
 * keyId} the id of the signing key among the published keys ({@code GET /api/registry/access-log/checkpoint-key}).
 * Chains not listed were at their genesis (no entry) when the checkpoint was taken.
 *
 * <p>{@code timestampToken}, when present, is an RFC 3161 TimeStampToken (DER, base64) from a time-stamping authority
 * over {@code hash} (SHA-256 imprint), so the time no longer rests on the registry's word alone; {@code timestampedAt}
 * repeats the time the token states. Both are null when the checkpoint could not be time-stamped; they are not part
 * of the signed text.
 */
public record Checkpoint(
        Long number,
        Instant createdAt,
        String previousHash,
        List<Head> heads,
        String hash,
        String algorithm,
        Long keyId,
        String signature,
        String timestampToken,
        Instant timestampedAt) {

    /** A checkpoint without a time-stamp. */
    public Checkpoint(
            Long number,
            Instant createdAt,
            String previousHash,
            List<Head> heads,
            String hash,
            String algorithm,
            Long keyId,
            String signature) {
        this(number, createdAt, previousHash, heads, hash, algorithm, keyId, signature, null, null);
    }

    /** First line of the canonical form: names the format and its version. */
    public static final String FORMAT = "vn.egov.registry.access-log.checkpoint.v1";

    public static final String ALGORITHM = "Ed25519";

    /** {@code previousHash} of the first checkpoint. */
    public static final String GENESIS = "0".repeat(64);

    /** Đầu chuỗi — a chain's last sequence number and hash (hex) when the checkpoint was taken. */
    public record Head(Integer chain, Long seq, String hash) {}

    /** The text that is hashed and signed (see the type's comment). */
    public byte[] canonical() {
        StringBuilder out = new StringBuilder(FORMAT)
                .append("\nnumber ")
                .append(number)
                .append("\ncreated-at ")
                .append(createdAt)
                .append("\nprevious ")
                .append(previousHash)
                .append('\n');
        heads.stream().sorted(Comparator.comparing(Head::chain)).forEach(h -> out.append("head ")
                .append(h.chain())
                .append(' ')
                .append(h.seq())
                .append(' ')
                .append(h.hash())
                .append('\n'));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** SHA-256 of the canonical form, hex: what the next checkpoint's {@code previousHash} holds. */
    public String computedHash() {
        return HexFormat.of().formatHex(sha256(canonical()));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
