package vn.egov.reporting.kpi.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.testing.TestInfrastructure;
import vn.egov.reporting.ReportingApplication;
import vn.egov.reporting.kpi.ContractEvents;
import vn.egov.reporting.kpi.Indicator;
import vn.egov.reporting.kpi.KpiEvents;
import vn.egov.reporting.kpi.KpiRebuild;
import vn.egov.reporting.kpi.KpiReport;
import vn.egov.reporting.kpi.Kpis;
import vn.egov.reporting.period.CutOffCalendar;
import vn.egov.reporting.period.Frequency;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * Benchmark (not part of the build's tests) of the KPIs from events, in one JVM: the reporting service (without
 * HTTP) on an embedded, durable PostgreSQL (fsync and synchronous commit on) and the in-JVM KRaft Kafka broker of
 * the tests, with a producer standing in for the portal and the interchange.
 *
 * <ol>
 *   <li><b>Event to figure</b>: a mix of dossier, rating, payment and document events at {@code rate} events/s
 *       (open model: each event is due at a fixed time and sent then) for {@code seconds}; a probe computes the
 *       national figures every {@code probeMs} as the dashboard does. A new dossier's latency runs from the moment
 *       its first event was due to the end of the first computation whose count of filed dossiers includes it.
 *   <li><b>Rebuild by replay</b>: the live consumer stopped, {@code replay} more events are written to the topics,
 *       then every figure is rebuilt from the beginning of the topics; the rate is events read and applied per
 *       second of the rebuild, and the figures after it must equal those before plus the new events.
 * </ol>
 *
 * <pre>
 * ./mvnw -B -pl services/reporting -am test -Dtest=KpiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.rate=200 -Dbench.seconds=60 -Dbench.replay=400000
 * </pre>
 *
 * or, with the modules installed, as a plain main class:
 *
 * <pre>
 * ./mvnw -B -pl services/reporting -am install -DskipTests
 * ./mvnw -q -pl services/reporting dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp services/reporting/target/test-classes:services/reporting/target/classes:$(cat services/reporting/target/bench.cp) \
 *     vn.egov.reporting.kpi.bench.KpiBenchmark rate=200 seconds=60 replay=400000
 * </pre>
 */
public class KpiBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] AGENCIES = {
        "000.00.00.H57", "000.00.00.H41", "000.00.00.H29", "000.00.00.G12", "000.00.00.G22", "000.00.00.H01"
    };
    static final String DOSSIERS = "portal.dossier.v1.bench";
    static final String PAYMENTS = "portal.payment.v1.bench";
    static final String DOCUMENTS = "interchange.document.v1.bench";

    /** Events per unit of activity: dossier v1, v2, v3, rating, payment; document sent, 2 delivered, 2 statuses. */
    static final int EVENTS_PER_UNIT = 10;

    private final ReportingPeriod period;
    private final OffsetDateTime base;
    private long unit;

    KpiBenchmark() {
        this.period = new CutOffCalendar(25).periodOf(Frequency.MONTH, LocalDate.now());
        this.base = period.from().plusDays(1).atTime(9, 0).atOffset(ZoneOffset.ofHours(7));
    }

    /** Through Maven: {@code -Dtest=KpiBenchmark -Dbench.rate=200 -Dbench.seconds=60 -Dbench.replay=400000}. */
    @org.junit.jupiter.api.Test
    void run() throws Exception {
        List<String> args = new ArrayList<>();
        for (String key : List.of("rate", "seconds", "probeMs", "replay")) {
            String value = System.getProperty("bench." + key);
            if (value != null) {
                args.add(key + "=" + value);
            }
        }
        measure(args.toArray(String[]::new));
    }

    public static void main(String[] args) throws Exception {
        measure(args);
        System.exit(0);
    }

    static void measure(String[] args) throws Exception {
        Map<String, String> a = new ConcurrentHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int probeMs = Integer.parseInt(a.getOrDefault("probeMs", "250"));
        int replay = Integer.parseInt(a.getOrDefault("replay", "400000"));

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "512MB")
                .start()) {
            try (var c = pg.getPostgresDatabase().getConnection();
                    var s = c.createStatement()) {
                s.execute("create database reporting_bench encoding 'UTF8' template template0");
            }
            String kafka = TestInfrastructure.kafkaBootstrapServers();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReportingApplication.class)
                            .web(WebApplicationType.NONE)
                            .run(
                                    "--spring.datasource.url=jdbc:postgresql://localhost:" + pg.getPort()
                                            + "/reporting_bench",
                                    "--spring.datasource.username=postgres",
                                    "--spring.datasource.password=postgres",
                                    "--spring.kafka.bootstrap-servers=" + kafka,
                                    "--egov.reporting.kpi.topics.dossier=" + DOSSIERS,
                                    "--egov.reporting.kpi.topics.payment=" + PAYMENTS,
                                    "--egov.reporting.kpi.topics.document=" + DOCUMENTS,
                                    "--egov.kafka.consumers.reporting-kpi=" + DOSSIERS + "," + PAYMENTS + ","
                                            + DOCUMENTS,
                                    "--egov.scheduling.enabled=false",
                                    "--logging.level.root=WARN",
                                    "--logging.level.vn.egov.reporting.kpi=INFO");
                    KafkaProducer<String, byte[]> producer = producer(kafka)) {
                Kpis kpis = app.getBean(Kpis.class);
                KpiBenchmark bench = new KpiBenchmark();
                ReportingPeriod period = bench.period;

                // warm the topics and the consumer (topic creation, group join) before measuring
                bench.sendUnits(producer, 5);
                producer.flush();
                waitForFiled(kpis, period, 5);

                bench.latency(producer, kpis, rate, seconds, probeMs);

                app.getBean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainer("kpi-events")
                        .stop();
                long before = System.nanoTime();
                long units = replay / EVENTS_PER_UNIT;
                bench.sendUnits(producer, units);
                producer.flush();
                System.out.printf(
                        "replay set: %d more events written in %.1f s%n",
                        units * EVENTS_PER_UNIT, (System.nanoTime() - before) / 1e9);
                long expectedFiled = bench.unit;
                KpiReport previous = kpis.report(period, null);

                long start = System.nanoTime();
                KpiRebuild.Run run = app.getBean(KpiRebuild.class).runNow("bench");
                double took = (System.nanoTime() - start) / 1e9;
                KpiReport rebuilt = kpis.report(period, null);
                System.out.printf(
                        "rebuild: %s, %d events applied (%d skipped) in %.1f s = %.0f events/s%n",
                        run.state(), run.events(), run.skipped(), took, run.events() / took);
                System.out.printf(
                        "figures: filed %d before the replay set, %d after the rebuild (expected %d)%n",
                        previous.figure(Indicator.ONLINE_FILING).denominator(),
                        rebuilt.figure(Indicator.ONLINE_FILING).denominator(),
                        expectedFiled);
            }
        }
    }

    private void latency(KafkaProducer<String, byte[]> producer, Kpis kpis, int rate, int seconds, int probeMs)
            throws InterruptedException {
        long units = (long) rate * seconds / EVENTS_PER_UNIT;
        long firstUnit = unit;
        long[] dueAt = new long[(int) units];
        long intervalNanos = 1_000_000_000L * EVENTS_PER_UNIT / rate;
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong visible = new AtomicLong();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        Histogram query = new Histogram(60_000_000_000L, 3);
        long[] seenAt = new long[(int) units];
        Thread probe = Thread.ofPlatform().name("probe").start(() -> {
            while (!done.get() || visible.get() < units) {
                long t0 = System.nanoTime();
                long filed = kpis.report(period, null)
                        .figure(Indicator.ONLINE_FILING)
                        .denominator();
                long t1 = System.nanoTime();
                query.recordValue(t1 - t0);
                long seen = Math.min(units, filed - firstUnit);
                for (long i = visible.get(); i < seen; i++) {
                    seenAt[(int) i] = t1;
                }
                visible.set(Math.max(visible.get(), seen));
                LockSupport.parkNanos(probeMs * 1_000_000L);
                if (done.get() && System.nanoTime() - t1 > 120_000_000_000L) {
                    break;
                }
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < units; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            dueAt[i] = due;
            for (ProducerRecord<String, byte[]> r : unitEvents()) {
                producer.send(r);
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        probe.join();
        for (int i = 0; i < units; i++) {
            if (seenAt[i] > 0) {
                latency.recordValue(Math.max(0, seenAt[i] - dueAt[i]));
            }
        }
        System.out.printf(
                "event to figure: %d events at %d/s offered (%.0f/s achieved) for %d s; %d new dossiers measured%n",
                units * EVENTS_PER_UNIT, rate, units * EVENTS_PER_UNIT / sendSeconds, seconds, latency.getTotalCount());
        System.out.printf(
                "  latency ms: p50 %.0f, p95 %.0f, p99 %.0f, max %.0f (probe every %d ms)%n",
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(95) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6,
                probeMs);
        System.out.printf(
                "  national figures computed in ms: p50 %.1f, p95 %.1f%n",
                query.getValueAtPercentile(50) / 1e6, query.getValueAtPercentile(95) / 1e6);
    }

    private void sendUnits(KafkaProducer<String, byte[]> producer, long count) {
        for (long i = 0; i < count; i++) {
            for (ProducerRecord<String, byte[]> r : unitEvents()) {
                producer.send(r);
            }
        }
    }

    /** One unit of activity: a dossier filed, processed, done, rated and paid; a document to two recipients. */
    private List<ProducerRecord<String, byte[]>> unitEvents() {
        long n = unit++;
        String agency = AGENCIES[(int) (n % AGENCIES.length)];
        String recipient = AGENCIES[(int) ((n + 1) % AGENCIES.length)];
        String other = AGENCIES[(int) ((n + 2) % AGENCIES.length)];
        OffsetDateTime at = base.plusSeconds(n % 86_400);
        UUID dossier = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> events = new ArrayList<>(EVENTS_PER_UNIT);
        boolean online = n % 3 != 0;
        for (int version = 1; version <= 3; version++) {
            ObjectNode d = ContractEvents.example(KpiEvents.DOSSIER_STATUS_CHANGED);
            d.put("id", dossier.toString())
                    .put("code", agency + "-" + "261102" + "-" + String.format("%04d", n % 10_000))
                    .put("agencyCode", agency)
                    .put("procedureCode", "1.00" + (1000 + n % 50))
                    .put("level", n % 4 == 0 ? 3 : 4)
                    .put("fullyOnline", n % 5 == 0)
                    .put("channel", online ? "ONLINE" : "COUNTER")
                    .put("status", version == 1 ? 1 : version == 2 ? 4 : 9)
                    .put("version", version)
                    .put("occurredAt", at.plusHours(version).toString())
                    .put("submittedAt", at.toString())
                    .put("receivedAt", at.plusMinutes(30).toString())
                    .put("dueDate", at.toLocalDate().plusDays(3).toString())
                    .put("completedAt", version == 3 ? at.plusHours(3).toString() : null);
            events.add(ContractEvents.record(DOSSIERS, KpiEvents.DOSSIER_STATUS_CHANGED, d));
        }
        ObjectNode rating = ContractEvents.example(KpiEvents.DOSSIER_RATED);
        rating.put("id", dossier.toString())
                .put("agencyCode", agency)
                .put("ratedAt", at.plusHours(5).toString());
        events.add(ContractEvents.record(DOSSIERS, KpiEvents.DOSSIER_RATED, rating));
        ObjectNode payment = ContractEvents.example(KpiEvents.PAYMENT_STATUS_CHANGED);
        payment.put("id", UUID.randomUUID().toString())
                .put("dossierId", dossier.toString())
                .put("agencyCode", agency)
                .put("method", online ? "ONLINE" : "COUNTER")
                .put("occurredAt", at.plusMinutes(10).toString());
        events.add(ContractEvents.record(PAYMENTS, KpiEvents.PAYMENT_STATUS_CHANGED, payment));

        UUID document = UUID.randomUUID();
        ObjectNode sent = ContractEvents.example(KpiEvents.DOCUMENT_SENT);
        sent.put("id", document.toString()).put("sender", agency).put("receivedAt", at.toString());
        sent.putArray("recipients").add(recipient).add(other);
        events.add(ContractEvents.record(DOCUMENTS, KpiEvents.DOCUMENT_SENT, sent));
        for (String to : List.of(recipient, other)) {
            ObjectNode delivered = ContractEvents.example(KpiEvents.DOCUMENT_DELIVERED);
            delivered
                    .put("id", document.toString())
                    .put("recipient", to)
                    .put("deliveredAt", at.plusMinutes(1).toString());
            events.add(ContractEvents.record(DOCUMENTS, KpiEvents.DOCUMENT_DELIVERED, delivered));
        }
        ObjectNode status = ContractEvents.example(KpiEvents.DOCUMENT_STATUS_CHANGED);
        status.put("id", document.toString())
                .put("recipient", recipient)
                .put("reportedBy", recipient)
                .put("statusCode", "03")
                .put("reportedAt", at.plusHours(2).toString());
        events.add(ContractEvents.record(DOCUMENTS, KpiEvents.DOCUMENT_STATUS_CHANGED, status));
        ObjectNode status2 = status.deepCopy();
        status2.put("recipient", other)
                .put("reportedBy", other)
                .put("reportedAt", at.plusDays(3).toString());
        events.add(ContractEvents.record(DOCUMENTS, KpiEvents.DOCUMENT_STATUS_CHANGED, status2));
        return events;
    }

    private static void waitForFiled(Kpis kpis, ReportingPeriod period, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (kpis.report(period, null).figure(Indicator.ONLINE_FILING).denominator() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consumer did not start");
            }
            Thread.sleep(200);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
