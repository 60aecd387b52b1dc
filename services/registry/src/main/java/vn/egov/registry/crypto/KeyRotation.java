package vn.egov.registry.crypto;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mã hóa lại sau khi xoay khóa — re-wrapping after a key rotation: every stored ciphertext of a sensitive field
 * whose data key was wrapped by a key other than the keyset's primary is decrypted and encrypted again (a fresh
 * data key wrapped by the primary), in batches of citizens locked {@code FOR UPDATE SKIP LOCKED}, one transaction
 * per batch. The values, the record's version and its ETag do not change, and no event is published: only the
 * key that protects them. When {@link #remaining()} is 0 the old key can be disabled, then removed.
 *
 * <p>Progress: {@link #remaining()} counts the citizens still holding a ciphertext under an old key; the gauge
 * {@code egov.registry.crypto.rows.on.old.keys} shows the count as of the last run (or admin read).
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** Encrypted columns of {@code citizen}, with the field name bound as associated data. */
    private static final List<String[]> COLUMNS =
            List.<String[]>of(new String[] {"religion_ct", "religion"}, new String[] {"blood_type_ct", "bloodType"});

    private static final String ON_OLD_KEY =
            "(religion_ct is not null and substring(religion_ct from 5 for 5) <> :primary)"
                    + " or (blood_type_ct is not null and substring(blood_type_ct from 5 for 5) <> :primary)";

    /** How the re-wrapping stands. */
    public record Progress(long primaryKeyId, long rowsOnOldKeys) {}

    /** What one run did. */
    public record Run(long primaryKeyId, long rewrapped, long rowsOnOldKeys) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;
    private final AtomicLong lastCount = new AtomicLong(-1);

    KeyRotation(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate tx, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
        Gauge.builder("egov.registry.crypto.rows.on.old.keys", lastCount, AtomicLong::get)
                .description("Citizens with a sensitive field still encrypted under a key other than the primary"
                        + " (as of the last re-wrap run or admin read; -1 before the first)")
                .register(meters);
    }

    /** Counts the citizens still holding a ciphertext under an old key (a scan of the table). */
    public Progress progress() {
        long count = jdbc.sql("select count(*) from citizen where " + ON_OLD_KEY)
                .param("primary", cipher.primaryMarker())
                .query(Long.class)
                .single();
        lastCount.set(count);
        return new Progress(Integer.toUnsignedLong(cipher.primaryKeyId()), count);
    }

    /** Re-wraps batch after batch until nothing is left on an old key (or only rows locked by others). */
    public Run rewrapAll(int batchSize) {
        long total = 0;
        int done;
        do {
            done = tx.execute(s -> rewrapBatch(batchSize));
            total += done;
        } while (done == batchSize);
        Progress after = progress();
        if (total > 0) {
            log.info("re-wrapped {} citizens' sensitive fields; {} still on old keys", total, after.rowsOnOldKeys());
        }
        return new Run(after.primaryKeyId(), total, after.rowsOnOldKeys());
    }

    /** One batch in the caller's transaction; rows another transaction holds are skipped, not waited for. */
    int rewrapBatch(int batchSize) {
        byte[] primary = cipher.primaryMarker();
        List<Row> rows = jdbc.sql("select id, religion_ct, blood_type_ct from citizen where " + ON_OLD_KEY
                        + " limit :limit for update skip locked")
                .param("primary", primary)
                .param("limit", batchSize)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class), rs.getBytes("religion_ct"), rs.getBytes("blood_type_ct")))
                .list();
        for (Row row : rows) {
            jdbc.sql("update citizen set religion_ct = ?, blood_type_ct = ? where id = ?")
                    .params(
                            rewrap(row.id(), COLUMNS.get(0)[1], row.religion(), primary),
                            rewrap(row.id(), COLUMNS.get(1)[1], row.bloodType(), primary),
                            row.id())
                    .update();
        }
        return rows.size();
    }

    private byte[] rewrap(UUID citizenId, String field, byte[] ciphertext, byte[] primary) {
        if (ciphertext == null || onPrimary(ciphertext, primary)) {
            return ciphertext;
        }
        return cipher.encrypt(citizenId, field, cipher.decrypt(citizenId, field, ciphertext));
    }

    private static boolean onPrimary(byte[] ciphertext, byte[] primary) {
        if (ciphertext.length < 9) {
            return false;
        }
        for (int i = 0; i < primary.length; i++) {
            if (ciphertext[4 + i] != primary[i]) {
                return false;
            }
        }
        return true;
    }

    private record Row(UUID id, byte[] religion, byte[] bloodType) {}
}
