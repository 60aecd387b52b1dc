package vn.egov.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.egov.platform.events.DemoIntegrationTest;

/** What every service's integration tests get: their own migrated database, Kafka, and scheduling locks. */
@DemoIntegrationTest
class EgovIntegrationTestIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LockProvider locks;

    @Value("${egov.test.database}")
    String database;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void theTestClassHasItsOwnMigratedDatabase() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(database);
        assertThat(jdbc.queryForList(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                        String.class))
                .containsExactly("0.1", "0.2", "1");
        assertThat(kafka).isEqualTo(TestInfrastructure.kafkaBootstrapServers());
    }

    @Test
    void aScheduledJobLockIsHeldByOneReplicaAtATime() {
        var config = new LockConfiguration(Instant.now(), "report.close-period", Duration.ofMinutes(1), Duration.ZERO);

        Optional<SimpleLock> first = locks.lock(config);
        Optional<SimpleLock> second = locks.lock(config);
        assertThat(first).isPresent();
        assertThat(second).isEmpty();

        first.get().unlock();
        Optional<SimpleLock> afterRelease = locks.lock(config);
        assertThat(afterRelease).isPresent();
        afterRelease.get().unlock();
    }
}
