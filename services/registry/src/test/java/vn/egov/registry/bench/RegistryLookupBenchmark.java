package vn.egov.registry.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.platform.security.Caller;
import vn.egov.registry.RegistryApplication;
import vn.egov.registry.crypto.FieldCipher;
import vn.egov.registry.seed.PopulationGenerator;
import vn.egov.registry.seed.PopulationLoader;
import vn.egov.registry.sharing.Agreements;
import vn.egov.registry.sharing.CitizenField;
import vn.egov.registry.sharing.ReadCitizen;

/**
 * Benchmark (not part of the build's tests): lookups by number with access logging, against a raw primary-key
 * lookup on the same database, side by side. Durable PostgreSQL (fsync and synchronous_commit on), N synthetic
 * citizens loaded with COPY first. Runs inside the service (use case + PostgreSQL + access log), without HTTP,
 * token validation or the gateway.
 *
 * <pre>./mvnw -B -pl services/registry test -Dtest=RegistryLookupBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.citizens=1000000 -Dbench.rate=2000 -Dbench.seconds=20</pre>
 */
class RegistryLookupBenchmark {

    static final Caller INTEGRATOR =
            new Caller("sub", "svc", "demo-integrator", null, null, Set.of("integrator"), Set.of("registry.read"));

    @Test
    void run() throws Exception {
        long citizens = Long.getLong("bench.citizens", 1_000_000);
        int rate = Integer.getInteger("bench.rate", 2000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_connections", "100")
                .start()) {
            try (var c = pg.getPostgresDatabase().getConnection();
                    var s = c.createStatement()) {
                s.execute("create database registry_bench encoding 'UTF8' template template0");
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/registry_bench";
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.datasource.hikari.maximum-pool-size=" + Math.min(concurrency, 32),
                            "--egov.registry.dev-seed.enabled=false",
                            "--egov.outbox.relay-enabled=false",
                            "--spring.kafka.admin.auto-create=false",
                            "--egov.scheduling.enabled=false",
                            "--logging.level.root=WARN")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                var generator = new PopulationGenerator(42, PopulationLoader.places(jdbc), Set.of(), 2026);
                long start = System.nanoTime();
                long loaded = new PopulationLoader(
                                app.getBean(javax.sql.DataSource.class), app.getBean(FieldCipher.class))
                        .load(generator, citizens, 5_000, Instant.now(), n -> {});
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                jdbc.sql("vacuum analyze").update();
                System.out.printf(
                        "LOAD %d citizens with COPY (fsync on) in %.1f s: %.0f citizens/s%n",
                        loaded, loadSeconds, loaded / loadSeconds);
                List<String> pids = jdbc.sql("select pid from citizen where random() < 0.02 limit 20000")
                        .query(String.class)
                        .list();
                app.getBean(Agreements.class)
                        .add(
                                "demo-integrator",
                                null,
                                "dossier-processing",
                                List.of(CitizenField.FULL_NAME, CitizenField.DATE_OF_BIRTH, CitizenField.SEX),
                                "benchmark");
                ReadCitizen reads = app.getBean(ReadCitizen.class);
                Runnable raw = () -> jdbc.sql(
                                "select full_name, birth_year, birth_month, birth_day, sex from citizen where pid = ?")
                        .param(pick(pids))
                        .query()
                        .singleRow();
                Runnable logged = () -> reads.forPurpose(INTEGRATOR, pick(pids), "dossier-processing", null, "BENCH-1");

                // warm-up, then side by side: closed-loop capacity, then latency at a fixed offered rate
                closed(raw, concurrency, 5);
                closed(logged, concurrency, 5);
                double rawMax = closed(raw, concurrency, seconds);
                double loggedMax = closed(logged, concurrency, seconds);
                System.out.printf(
                        "CAPACITY (closed loop, %d threads, %d s): raw PK lookup %.0f/s, lookup with"
                                + " agreement check + access log %.0f/s, ratio %.2f%n",
                        concurrency, seconds, rawMax, loggedMax, loggedMax / rawMax);
                open("raw PK lookup", raw, rate, seconds, concurrency);
                open("lookup with access log", logged, rate, seconds, concurrency);
                System.out.println("ACCESS LOG "
                        + jdbc.sql("select count(*) from access_log")
                                .query(Long.class)
                                .single() + " entries");
            }
        }
    }

    static final ThreadLocal<SplittableRandom> RANDOM = ThreadLocal.withInitial(SplittableRandom::new);

    static String pick(List<String> pids) {
        return pids.get(RANDOM.get().nextInt(pids.size()));
    }

    static double closed(Runnable work, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) seconds;
    }

    /** Open model: request i is due at start + i/rate; latency counts from when it was due (no coordinated omission). */
    static void open(String name, Runnable work, int rate, int seconds, int threads) throws Exception {
        Recorder recorder = new Recorder(3);
        long total = (long) rate * seconds;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    work.run();
                    recorder.recordValue((System.nanoTime() - due) / 1000);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(
                "OPEN %s: offered %d/s for %d s, achieved %.0f/s, latency p50 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms, max %.2f ms%n",
                name,
                rate,
                seconds,
                total / elapsed,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
