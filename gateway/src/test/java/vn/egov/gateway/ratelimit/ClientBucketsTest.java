package vn.egov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.egov.gateway.support.TestEnvironment;

/** The shared buckets under concurrency, against a real PostgreSQL: exact counts across replicas, no failures. */
class ClientBucketsTest {

    static HikariDataSource dataSource;
    static final RateLimitProperties.Sync EXACT =
            new RateLimitProperties.Sync(RateLimitProperties.Mode.EXACT, 10, Duration.ofMillis(100));

    @BeforeAll
    static void database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestEnvironment.get().postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void twoReplicasHammeringOneClientAdmitExactlyItsCapacity() throws Exception {
        ClientBuckets replicaA =
                new ClientBuckets(RateLimitBenchmark.manager(dataSource), EXACT, Duration.ofMinutes(5));
        ClientBuckets replicaB =
                new ClientBuckets(RateLimitBenchmark.manager(dataSource), EXACT, Duration.ofMinutes(5));
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(50, 1, Duration.ofHours(1));
        String key = "client:hammer-" + System.nanoTime();

        List<Callable<Integer>> work = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            ClientBuckets replica = thread % 2 == 0 ? replicaA : replicaB;
            work.add(() -> {
                int admitted = 0;
                for (int i = 0; i < 20; i++) {
                    if (replica.tryConsume(key, limit).allowed()) {
                        admitted++;
                    }
                }
                return admitted;
            });
        }

        assertThat(sum(work)).isEqualTo(50);
        assertThat(replicaA.tryConsume(key, limit).retryAfterSeconds()).isPositive();
    }

    @Test
    void manyNewClientsArrivingTogetherAreAllServed() throws Exception {
        // first calls of a client racing on several threads: Bucket4j's batching cannot create the row itself
        ClientBuckets buckets = new ClientBuckets(RateLimitBenchmark.manager(dataSource), EXACT, Duration.ofMinutes(5));
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1000, 1000, Duration.ofSeconds(1));
        String prefix = "client:new-" + System.nanoTime() + "-";

        List<Callable<Integer>> work = new ArrayList<>();
        for (int thread = 0; thread < 10; thread++) {
            int offset = thread;
            work.add(() -> {
                int admitted = 0;
                for (int i = 0; i < 300; i++) {
                    if (buckets.tryConsume(prefix + ((offset + i) % 100), limit).allowed()) {
                        admitted++;
                    }
                }
                return admitted;
            });
        }

        assertThat(sum(work)).isEqualTo(3000);
    }

    private static int sum(List<Callable<Integer>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(work)) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }
}
