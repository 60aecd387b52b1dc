package vn.egov.platform.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.platform.outbox.Outbox;
import vn.egov.platform.outbox.OutboxRelay;
import vn.egov.platform.outbox.OutboxRelayListener;
import vn.egov.platform.outbox.PublishedEvent;

/**
 * The outbox relay under load, on an embedded PostgreSQL with {@code fsync=on} and
 * {@code synchronous_commit=on} (data under {@code target/}, on disk) and an in-JVM KRaft broker:
 *
 * <ol>
 *   <li>commit→Kafka-ack lag at a steady rate (default 200 events/s for 60 s after a 5 s warm-up), each event
 *       committed in its own transaction; lag = Kafka acknowledgement seen by the relay minus the moment the
 *       business transaction's commit returned;
 *   <li>time to drain a backlog (default 100,000 events) appended while the relay was stopped.
 * </ol>
 *
 * <pre>
 * ./mvnw -B -q -pl services/platform -am install -DskipTests
 * ./mvnw -B -pl services/platform exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.egov.platform.bench.OutboxRelayBenchmark
 * </pre>
 *
 * System properties: {@code bench.rate} (200), {@code bench.seconds} (60), {@code bench.backlog} (100000),
 * {@code bench.wakeOnCommit} (true), {@code bench.batchSize} (500), {@code bench.partitions} (6).
 */
public final class OutboxRelayBenchmark {

    static final String TOPIC = "bench.thing.v1";
    static final String TYPE = "vn.egov.bench.thing.created.v1";

    private OutboxRelayBenchmark() {}

    record Thing(UUID thingId, String name, int n) {}

    /** Ack times (nanoTime) by event id, as the relay reports them. */
    static final Map<UUID, Long> ACKED = new ConcurrentHashMap<>();

    static final AtomicLong ACK_COUNT = new AtomicLong();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BenchApplication {
        @Bean
        OutboxRelayListener ackClock() {
            return (List<PublishedEvent> events, Instant ackedAt) -> {
                long now = System.nanoTime();
                for (PublishedEvent e : events) {
                    ACKED.put(e.id(), now);
                }
                ACK_COUNT.addAndGet(events.size());
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmupSeconds = 5;
        int backlog = Integer.getInteger("bench.backlog", 100_000);
        boolean wakeOnCommit = Boolean.parseBoolean(System.getProperty("bench.wakeOnCommit", "true"));
        int batchSize = Integer.getInteger("bench.batchSize", 500);
        int partitions = Integer.getInteger("bench.partitions", 6);

        Path data = Path.of("target", "bench-postgres").toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        var broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        ConfigurableApplicationContext context = null;
        try {
            String admin = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            context = new SpringApplicationBuilder(BenchApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--spring.application.name=bench",
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + pg.getPort() + "/bench",
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.flyway.locations=classpath:db/platform",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--egov.kafka.topics.[" + TOPIC + "]=" + partitions,
                            "--egov.outbox.wake-on-commit=" + wakeOnCommit,
                            "--egov.outbox.batch-size=" + batchSize,
                            "--logging.level.org.apache.kafka=WARN");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf(
                    "%nconditions: %d cores, JDK %s, PostgreSQL %s fsync=%s synchronous_commit=%s, Kafka KRaft in-JVM"
                            + " (1 broker, %d partitions, acks=all, idempotent), batch %d, poll 50 ms, wake-on-commit %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    jdbc.queryForObject("SHOW server_version", String.class),
                    jdbc.queryForObject("SHOW fsync", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class),
                    partitions,
                    batchSize,
                    wakeOnCommit);

            steadyRate(context, rate, warmupSeconds, seconds);
            drain(context, backlog);
        } finally {
            if (context != null) {
                context.close();
            }
            broker.destroy();
            pg.close();
        }
    }

    private static void steadyRate(ConfigurableApplicationContext context, int rate, int warmupSeconds, int seconds) {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        Histogram lag = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram commit = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = rate * (warmupSeconds + seconds);
        int warmup = rate * warmupSeconds;
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long behind = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                behind = Math.max(behind, -wait);
            }
            UUID thing = UUID.randomUUID();
            int n = i;
            long begin = System.nanoTime();
            UUID id = tx.execute(s -> outbox.append(TOPIC, TYPE, thing.toString(), new Thing(thing, "thing " + n, n)));
            long committed = System.nanoTime();
            if (i >= warmup) {
                committedAt.put(id, committed);
                commit.recordValue(TimeUnit.NANOSECONDS.toMicros(committed - begin));
            }
        }
        long produced = System.nanoTime() - start;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ACKED.keySet().containsAll(committedAt.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        int missing = 0;
        for (var e : committedAt.entrySet()) {
            Long acked = ACKED.get(e.getKey());
            if (acked == null) {
                missing++;
            } else {
                lag.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(acked - e.getValue())));
            }
        }
        System.out.printf(
                "%nsteady rate: %d events/s for %d s (+%d s warm-up), achieved %.1f events/s, producer at most %.1f ms"
                        + " behind schedule%n",
                rate, seconds, warmupSeconds, total / (produced / 1e9), behind / 1e6);
        System.out.printf(
                "  business commit (append + commit): p50 %.2f ms, p99 %.2f ms%n",
                commit.getValueAtPercentile(50) / 1000.0, commit.getValueAtPercentile(99) / 1000.0);
        System.out.printf(
                "  commit -> Kafka ack: n=%d missing=%d p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                lag.getTotalCount(),
                missing,
                lag.getValueAtPercentile(50) / 1000.0,
                lag.getValueAtPercentile(99) / 1000.0,
                lag.getValueAtPercentile(99.9) / 1000.0,
                lag.getMaxValue() / 1000.0);
        var timer = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("egov.outbox.lag")
                .timer();
        if (timer != null) {
            System.out.printf(
                    "  relay's own egov.outbox.lag (append -> ack, whole run): count %d, mean %.1f ms, max %.1f ms%n",
                    timer.count(), timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
        }
        relay.backlog();
    }

    private static void drain(ConfigurableApplicationContext context, int backlog) {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        relay.stop();
        long fillStart = System.nanoTime();
        int perTx = 1000;
        for (int i = 0; i < backlog; i += perTx) {
            int from = i;
            tx.executeWithoutResult(s -> {
                for (int n = from; n < Math.min(backlog, from + perTx); n++) {
                    UUID thing = UUID.randomUUID();
                    outbox.append(TOPIC, TYPE, thing.toString(), new Thing(thing, "backlog " + n, n));
                }
            });
        }
        long filled = System.nanoTime() - fillStart;
        long pending = relay.backlog();
        long acksBefore = ACK_COUNT.get();
        long start = System.nanoTime();
        relay.start();
        while (relay.backlog() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        long drained = System.nanoTime() - start;
        System.out.printf(
                "%nbacklog: %d events appended in %.1f s (%d per transaction) with the relay stopped%n",
                pending, filled / 1e9, perTx);
        System.out.printf(
                "  drained (all acknowledged and marked published) in %.2f s = %.0f events/s; acks seen %d%n",
                drained / 1e9, pending / (drained / 1e9), ACK_COUNT.get() - acksBefore);
        Duration.ofNanos(drained);
    }
}
