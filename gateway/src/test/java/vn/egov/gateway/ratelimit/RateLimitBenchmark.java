package vn.egov.gateway.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.egov.gateway.support.TestEnvironment;

/**
 * What one rate-limit decision costs against a real PostgreSQL, per synchronisation mode and contention. A
 * measurement, not a test: run with
 * {@code ./mvnw -B -pl gateway test -Dtest=RateLimitBenchmark -Degov.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "egov.benchmark", matches = "true")
class RateLimitBenchmark {

    static final Duration IDLE = Duration.ofMinutes(5);
    static final RateLimitProperties.Limit UNLIMITED =
            new RateLimitProperties.Limit(1_000_000_000L, 1_000_000_000L, Duration.ofSeconds(1));

    @Test
    void measure() throws Exception {
        TestEnvironment env = TestEnvironment.get();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(10);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            PostgreSQLSelectForUpdateBasedProxyManager<String> manager = manager(dataSource);
            var exact = new RateLimitProperties.Sync(RateLimitProperties.Mode.EXACT, 10, Duration.ofMillis(100));
            var delayed = new RateLimitProperties.Sync(RateLimitProperties.Mode.DELAYED, 10, Duration.ofMillis(100));

            System.out.println("mode     threads keys    calls/s    p50 µs    p99 µs");
            run("exact", new ClientBuckets(manager, exact, IDLE), 1, 1, 3000);
            run("exact", new ClientBuckets(manager, exact, IDLE), 10, 1, 3000);
            run("exact", new ClientBuckets(manager, exact, IDLE), 10, 10, 3000);
            run("exact", new ClientBuckets(manager, exact, IDLE), 10, 1000, 3000);
            run("delayed", new ClientBuckets(manager, delayed, IDLE), 1, 1, 3000);
            run("delayed", new ClientBuckets(manager, delayed, IDLE), 10, 1, 3000);
            run("delayed", new ClientBuckets(manager, delayed, IDLE), 10, 10, 3000);
        }
    }

    static PostgreSQLSelectForUpdateBasedProxyManager<String> manager(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
    }

    static void run(String mode, ClientBuckets buckets, int threads, int keys, int callsPerThread) throws Exception {
        String prefix = "bench:" + mode + ":" + threads + ":" + keys + ":" + System.nanoTime() + ":";
        // warm-up
        for (int i = 0; i < 200; i++) {
            buckets.tryConsume(prefix + (i % keys), UNLIMITED);
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Histogram>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                Histogram mine = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                for (int i = 0; i < callsPerThread; i++) {
                    long started = System.nanoTime();
                    buckets.tryConsume(prefix + ((thread + i) % keys), UNLIMITED);
                    mine.recordValue(System.nanoTime() - started);
                }
                return mine;
            });
        }
        long started = System.nanoTime();
        for (Future<Histogram> result : pool.invokeAll(work)) {
            histogram.add(result.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(
                "%-8s %7d %4d %10.0f %9.0f %9.0f%n",
                mode,
                threads,
                keys,
                threads * callsPerThread / seconds,
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3);
    }
}
