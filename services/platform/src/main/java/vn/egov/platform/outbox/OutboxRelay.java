package vn.egov.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka. Each pass, in one database transaction: takes the oldest due unpublished
 * rows with {@code FOR UPDATE SKIP LOCKED} (so any number of relay instances share the work without sending a
 * row twice), sends each as a binary-mode CloudEvent with the idempotent producer, waits for the
 * acknowledgements, then marks the acknowledged rows published. A failed send is retried forever with
 * exponential back-off ({@code attempts}, {@code last_error}, {@code next_attempt_at}). If the process dies
 * between the acknowledgement and the commit, the next pass sends the row again: delivery is at least once,
 * and consumers deduplicate through their inbox.
 *
 * <p>Events of one aggregate keep their order with one relay instance. With several, two passes may hold
 * adjacent rows of the same aggregate at the same time, so consumers must not rely on strict order across a
 * relay fail-over or scale-out (use the event time or a version in the data).
 *
 * <p>Metrics: {@code egov.outbox.backlog} (unpublished rows), {@code egov.outbox.oldest.age} (seconds),
 * {@code egov.outbox.published},
 * {@code egov.outbox.failures}, {@code egov.outbox.lag} (append to Kafka acknowledgement).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT position, id, topic, kafka_key, type, source, subject, time, data::text AS data, traceparent,
                   created_at, attempts
            FROM outbox_event
            WHERE published_at IS NULL AND next_attempt_at <= clock_timestamp()
            ORDER BY position
            LIMIT ?
            FOR UPDATE SKIP LOCKED
            """;
    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = clock_timestamp(), last_error = NULL WHERE position = ANY(?)";
    private static final String MARK_FAILED = """
            UPDATE outbox_event
            SET attempts = attempts + 1,
                last_error = left(?, 2000),
                next_attempt_at = clock_timestamp() + least(? * power(2, least(attempts, 30)), ?) * interval '1 millisecond'
            WHERE position = ANY(?) AND published_at IS NULL
            """;
    private static final String PURGE = """
            DELETE FROM outbox_event WHERE position IN (
                SELECT position FROM outbox_event
                WHERE published_at IS NOT NULL AND published_at < clock_timestamp() - ? * interval '1 millisecond'
                LIMIT 10000)
            """;

    private final String name;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final TraceContext traceContext;
    private final List<OutboxRelayListener> listeners;

    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final AtomicLong backlog = new AtomicLong();
    private volatile double oldestAgeSeconds;
    private volatile long backlogReadAt;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private long nextPurgeAt;

    /**
     * @param name names the relay thread and tags its metrics ({@code relay})
     */
    public OutboxRelay(
            String name,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            TraceContext traceContext,
            List<OutboxRelayListener> listeners,
            MeterRegistry meters) {
        this.name = name;
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.traceContext = traceContext;
        this.listeners = List.copyOf(listeners);
        this.published = Counter.builder("egov.outbox.published")
                .description("Outbox events acknowledged by Kafka and marked published")
                .tag("relay", name)
                .register(meters);
        this.failures = Counter.builder("egov.outbox.failures")
                .description("Outbox events whose send failed (they are retried with back-off)")
                .tag("relay", name)
                .register(meters);
        this.lag = Timer.builder("egov.outbox.lag")
                .description("From appending an event to Kafka acknowledging it")
                .tag("relay", name)
                .publishPercentiles(0.5, 0.99, 0.999)
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("egov.outbox.backlog", this, OutboxRelay::cachedBacklog)
                .description("Outbox events not yet published")
                .tag("relay", name)
                .register(meters);
        Gauge.builder("egov.outbox.oldest.age", this, relay -> {
                    relay.cachedBacklog();
                    return relay.oldestAgeSeconds;
                })
                .description("Age of the oldest unpublished outbox event (0 when none): alert on it")
                .baseUnit("seconds")
                .tag("relay", name)
                .register(meters);
    }

    /**
     * Publishes at most one batch of due events.
     *
     * @return the number of events published
     */
    public int relayOnce() {
        List<Row> claimed = new ArrayList<>();
        List<PublishedEvent> acked = new ArrayList<>();
        Instant[] ackedAt = new Instant[1];
        int failed;
        try {
            failed = tx.execute(status -> {
                claimed.addAll(jdbc.query(CLAIM, OutboxRelay::row, properties.batchSize()));
                if (claimed.isEmpty()) {
                    return 0;
                }
                return sendAndMark(claimed, acked, ackedAt);
            });
        } catch (RuntimeException e) {
            // Rolled back: nothing was marked. Count an attempt so a row that always breaks the pass backs off.
            acked.clear();
            recordFailure(claimed, e);
            throw e;
        }
        for (PublishedEvent event : acked) {
            lag.record(Duration.between(event.createdAt(), ackedAt[0]));
        }
        published.increment(acked.size());
        failures.increment(failed);
        return acked.size();
    }

    private int sendAndMark(List<Row> rows, List<PublishedEvent> acked, Instant[] ackedAt) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rows.size());
        Map<String, CompletableFuture<SendResult<String, byte[]>>> brokenTopics = new HashMap<>();
        for (Row row : rows) {
            // a topic whose send failed at once for want of metadata (broker unreachable, unknown topic) is not
            // tried again in this pass, as each try could block for max.block.ms: its rows back off together
            var broken = brokenTopics.get(row.topic());
            var send = broken != null ? broken : send(row);
            if (broken == null && send.isCompletedExceptionally() && topicUnavailable(send)) {
                brokenTopics.put(row.topic(), send);
            }
            sends.add(send);
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Long> ok = new ArrayList<>(rows.size());
        List<Row> failedRows = new ArrayList<>();
        Throwable lastError = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                var result = sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                var meta = result.getRecordMetadata();
                ok.add(row.position());
                acked.add(new PublishedEvent(
                        row.id(),
                        row.topic(),
                        row.type(),
                        row.subject(),
                        row.createdAt(),
                        meta.partition(),
                        meta.offset()));
            } catch (ExecutionException e) {
                failedRows.add(row);
                lastError = e.getCause();
            } catch (TimeoutException e) {
                failedRows.add(row);
                lastError = new TimeoutException("no acknowledgement within " + properties.sendTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        if (!acked.isEmpty()) {
            ackedAt[0] = Instant.now();
            for (OutboxRelayListener listener : listeners) {
                listener.acknowledged(List.copyOf(acked), ackedAt[0]);
            }
            jdbc.update(MARK_PUBLISHED, ps -> ps.setArray(1, positions(ps.getConnection(), ok)));
        }
        if (!failedRows.isEmpty()) {
            String error = describe(lastError);
            log.warn(
                    "outbox relay {}: {} of {} events not acknowledged, will retry: {}",
                    name,
                    failedRows.size(),
                    rows.size(),
                    error);
            markFailed(failedRows, error);
        }
        return failedRows.size();
    }

    private CompletableFuture<SendResult<String, byte[]>> send(Row row) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(row.id().toString())
                    .withType(row.type())
                    .withSource(URI.create(row.source()))
                    .withSubject(row.subject())
                    .withTime(row.time())
                    .withDataContentType("application/json")
                    .withData(row.data().getBytes(StandardCharsets.UTF_8))
                    .build();
            ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(row.topic(), row.key())
                    .writeBinary(event);
            if (row.traceparent() != null && !traceContext.active()) {
                record.headers().add(TraceContext.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.UTF_8));
            }
            try (var restored = traceContext.restore(row.traceparent(), "outbox publish")) {
                return kafka.send(record);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void markFailed(List<Row> rows, String error) {
        List<Long> positions = rows.stream().map(Row::position).toList();
        jdbc.update(MARK_FAILED, ps -> {
            ps.setString(1, error);
            ps.setLong(2, properties.backoffInitial().toMillis());
            ps.setLong(3, properties.backoffMax().toMillis());
            ps.setArray(4, positions(ps.getConnection(), positions));
        });
    }

    private void recordFailure(List<Row> rows, RuntimeException cause) {
        if (rows.isEmpty()) {
            return;
        }
        log.warn(
                "outbox relay {}: pass over {} events rolled back, will retry: {}", name, rows.size(), describe(cause));
        failures.increment(rows.size());
        try {
            tx.executeWithoutResult(status -> markFailed(rows, describe(cause)));
        } catch (RuntimeException e) {
            log.warn("outbox relay {}: cannot record the failure: {}", name, describe(e));
        }
    }

    /** Unpublished events now (one query). */
    public long backlog() {
        jdbc.query("""
                SELECT count(*) AS n,
                       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) AS oldest
                FROM outbox_event WHERE published_at IS NULL
                """, rs -> {
            backlog.set(rs.getLong("n"));
            oldestAgeSeconds = rs.getDouble("oldest");
        });
        backlogReadAt = System.nanoTime();
        return backlog.get();
    }

    private double cachedBacklog() {
        if (System.nanoTime() - backlogReadAt > TimeUnit.SECONDS.toNanos(1)) {
            try {
                return backlog();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return backlog.get();
    }

    /** Deletes published events older than the retention; returns how many. */
    public int purgePublished() {
        return jdbc.update(PURGE, properties.retention().toMillis());
    }

    /** Asks the relay to look for events now instead of at the next poll. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    // --- lifecycle: one thread per relay instance ---

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        nextPurgeAt = System.nanoTime() + properties.purgeInterval().toNanos();
        thread = Thread.ofPlatform().name("outbox-relay-" + name).daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            thread.join(properties.sendTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server and listeners are up; stopped before them
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        Duration idle = properties.pollInterval();
        int consecutiveErrors = 0;
        while (running) {
            try {
                int sent = relayOnce();
                consecutiveErrors = 0;
                purgeWhenDue();
                if (sent >= properties.batchSize()) {
                    continue; // more may be waiting
                }
                await(idle);
            } catch (RuntimeException e) {
                consecutiveErrors++;
                long backoff = Math.min(
                        properties.backoffMax().toMillis(), idle.toMillis() * (1L << Math.min(consecutiveErrors, 10)));
                log.warn(
                        "outbox relay {} failed ({} in a row), next pass in {} ms: {}",
                        name,
                        consecutiveErrors,
                        backoff,
                        describe(e));
                await(Duration.ofMillis(backoff));
            }
        }
    }

    private void purgeWhenDue() {
        if (System.nanoTime() - nextPurgeAt < 0) {
            return;
        }
        nextPurgeAt = System.nanoTime() + properties.purgeInterval().toNanos();
        int purged = purgePublished();
        if (purged > 0) {
            log.info("outbox relay {}: purged {} published events older than {}", name, purged, properties.retention());
        }
    }

    private void await(Duration duration) {
        try {
            if (wake.tryAcquire(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static boolean topicUnavailable(CompletableFuture<?> failed) {
        Throwable e = failed.exceptionNow();
        while (e != null) {
            if (e instanceof org.apache.kafka.common.errors.TimeoutException
                    || e instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException
                    || e instanceof org.apache.kafka.common.errors.InvalidTopicException
                    || e instanceof org.apache.kafka.common.errors.TopicAuthorizationException) {
                return true;
            }
            e = e.getCause() == e ? null : e.getCause();
        }
        return false;
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e
                ? text
                : text + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static Array positions(java.sql.Connection connection, List<Long> positions) throws SQLException {
        return connection.createArrayOf("bigint", positions.toArray());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("position"),
                rs.getObject("id", UUID.class),
                rs.getString("topic"),
                rs.getString("kafka_key"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getString("subject"),
                rs.getObject("time", OffsetDateTime.class),
                rs.getString("data"),
                rs.getString("traceparent"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"));
    }

    private record Row(
            long position,
            UUID id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            OffsetDateTime time,
            String data,
            String traceparent,
            Instant createdAt,
            int attempts) {}
}
