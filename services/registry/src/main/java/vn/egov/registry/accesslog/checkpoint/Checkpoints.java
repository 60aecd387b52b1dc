package vn.egov.registry.accesslog.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.outbox.Outbox;

/**
 * Takes signed checkpoints of the access log ({@link Checkpoint}): reads every chain head in one statement, links to
 * the previous checkpoint, signs with the primary checkpoint key, has its hash time-stamped by the configured RFC 3161
 * authority when there is one ({@link TimestampClient}; without an answer the checkpoint goes on untimestamped),
 * stores the checkpoint ({@code access_log_checkpoint}, append-only) and, in the same transaction, appends it to the
 * platform's outbox for the topic {@code registry.access-log.v1}; after the commit it also writes it as a file when a
 * directory is configured.
 * Takes are serialised by a transaction-scoped advisory lock, so two concurrent takes give two consecutive,
 * correctly linked checkpoints.
 */
@Component
public class Checkpoints {

    public static final String TOPIC = "registry.access-log.v1";

    public static final String TYPE = "vn.egov.registry.access-log.checkpoint.v1";

    /** Kafka key of every checkpoint: all on one partition, in order. */
    static final String KEY = "access-log";

    private static final long LOCK = 0x7265_6763_6b70_7401L; // "regckpt" + 1

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final CheckpointKeys keys;
    private final TimestampClient tsa;
    private final Counter untimestamped;
    private final Outbox outbox;
    private final Clock clock;
    private final String topic;
    private final Optional<Path> directory;
    private final JsonMapper json = JsonMapper.shared();

    public Checkpoints(
            JdbcClient jdbc,
            CheckpointKeys keys,
            TimestampClient tsa,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters,
            @Value("${egov.registry.access-log.checkpoint.topic:" + TOPIC + "}") String topic,
            @Value("${egov.registry.access-log.checkpoint.directory:}") String directory) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tsa = tsa;
        this.untimestamped = Counter.builder("egov.registry.access.log.checkpoint.untimestamped")
                .description("Checkpoints taken without a time-stamp because the TSA could not give one")
                .register(meters);
        this.outbox = outbox;
        this.clock = clock;
        this.topic = topic;
        this.directory = directory == null || directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory));
        Gauge.builder("egov.registry.access.log.checkpoint.age", this, Checkpoints::ageSeconds)
                .description("Seconds since the newest signed access-log checkpoint (from the database, the same on"
                        + " every replica; NaN before the first): alert when it exceeds a few intervals")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Seconds since the newest stored checkpoint, NaN when there is none or the database does not answer. */
    double ageSeconds() {
        try {
            return jdbc.sql("select created_at from access_log_checkpoint order by number desc limit 1")
                    .query((rs, n) -> rs.getObject("created_at", OffsetDateTime.class))
                    .optional()
                    .map(at -> java.time.Duration.between(at.toInstant(), clock.instant())
                                    .toMillis()
                            / 1000.0)
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Takes, stores and publishes a checkpoint of the current chain heads. */
    @Transactional
    public Checkpoint take() {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query((rs, n) -> 1)
                .list();
        var previous = jdbc.sql("select number, hash from access_log_checkpoint order by number desc limit 1")
                .query((rs, n) -> Map.entry(rs.getLong("number"), rs.getBytes("hash")))
                .optional();
        long number = previous.map(p -> p.getKey() + 1).orElse(1L);
        String previousHash =
                previous.map(p -> HexFormat.of().formatHex(p.getValue())).orElse(Checkpoint.GENESIS);
        List<Checkpoint.Head> heads = jdbc.sql(
                        "select chain, seq, hash from access_log_chain where seq > 0" + " order by chain")
                .query((rs, n) -> new Checkpoint.Head(
                        rs.getInt("chain"), rs.getLong("seq"), HexFormat.of().formatHex(rs.getBytes("hash"))))
                .list();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var unsigned =
                new Checkpoint(number, now, previousHash, heads, null, Checkpoint.ALGORITHM, keys.primaryKeyId(), null);
        byte[] canonical = unsigned.canonical();
        byte[] hash = Checkpoint.sha256(canonical);
        byte[] signature = keys.sign(canonical);
        TimeStampToken token = timestamp(number, hash);
        Instant timestampedAt =
                token == null ? null : token.getTimeStampInfo().getGenTime().toInstant();
        String tokenBase64 = token == null ? null : Base64.getEncoder().encodeToString(encoded(token));
        var checkpoint = new Checkpoint(
                number,
                now,
                previousHash,
                heads,
                HexFormat.of().formatHex(hash),
                Checkpoint.ALGORITHM,
                keys.primaryKeyId(),
                Base64.getEncoder().encodeToString(signature),
                tokenBase64,
                timestampedAt);
        jdbc.sql("insert into access_log_checkpoint (number, created_at, previous_hash, body, hash, key_id,"
                        + " signature, timestamp_token, timestamped_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        number,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        HexFormat.of().parseHex(previousHash),
                        new String(canonical, StandardCharsets.US_ASCII),
                        hash,
                        keys.primaryKeyId(),
                        signature,
                        token == null ? null : encoded(token),
                        timestampedAt == null ? null : OffsetDateTime.ofInstant(timestampedAt, ZoneOffset.UTC))
                .update();
        Map<String, Object> data = data(checkpoint);
        outbox.append(topic, TYPE, String.valueOf(number), KEY, data);
        directory.ifPresent(dir -> afterCommit(() -> write(dir, checkpoint.number(), data)));
        return checkpoint;
    }

    /** The event data: the checkpoint as JSON, what the verification endpoint takes back. */
    static Map<String, Object> data(Checkpoint c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", c.number());
        data.put("createdAt", c.createdAt().toString());
        data.put("previousHash", c.previousHash());
        data.put(
                "heads",
                c.heads().stream()
                        .map(h -> Map.of("chain", h.chain(), "seq", h.seq(), "hash", h.hash()))
                        .toList());
        data.put("hash", c.hash());
        data.put("algorithm", c.algorithm());
        data.put("keyId", c.keyId());
        data.put("signature", c.signature());
        data.put("timestampToken", c.timestampToken());
        data.put(
                "timestampedAt",
                c.timestampedAt() == null ? null : c.timestampedAt().toString());
        return data;
    }

    /**
     * A time-stamp over the checkpoint's hash, or null when no TSA is configured or it gives none in time: the
     * checkpoint is taken, signed and published all the same (never lost for want of a time-stamp), marked as not
     * time-stamped; the next checkpoint asks again, and its token, over a text that holds this checkpoint's hash,
     * bounds when this one existed.
     */
    private TimeStampToken timestamp(long number, byte[] hash) {
        if (!tsa.enabled()) {
            return null;
        }
        try {
            return tsa.timestamp(hash);
        } catch (TimestampClient.Unavailable e) {
            untimestamped.increment();
            log.warn("access-log checkpoint {} is not time-stamped: {}", number, e.getMessage());
            return null;
        }
    }

    private static byte[] encoded(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many checkpoints are stored. */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from access_log_checkpoint")
                .query(Long.class)
                .single();
    }

    private void write(Path dir, long number, Map<String, Object> data) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve("access-log-checkpoint-%010d.json".formatted(number));
            Path partial = dir.resolve(target.getFileName() + ".partial");
            Files.writeString(partial, json.writeValueAsString(data) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // the checkpoint is stored and on its way to Kafka; the file is a convenience copy
            log.warn("access-log checkpoint {} could not be written to {}", number, dir, e);
        }
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
