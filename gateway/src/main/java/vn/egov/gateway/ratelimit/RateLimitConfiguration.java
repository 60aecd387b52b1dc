package vn.egov.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.egov.gateway.problem.Problems;

/**
 * Token buckets in PostgreSQL (table {@code rate_limit_bucket}, Flyway {@code V1}), one row per client, locked
 * with {@code SELECT … FOR UPDATE} for each exchange, rows expiring once a bucket is full again and unused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "egov.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(
            DataSource dataSource, RateLimitProperties properties) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(properties.idleExpiry()))
                .build();
    }

    @Bean
    ClientBuckets clientBuckets(ProxyManager<String> rateLimitBuckets, RateLimitProperties properties) {
        return new ClientBuckets(rateLimitBuckets, properties.sync(), properties.idleExpiry());
    }

    @Bean(destroyMethod = "dispose")
    Scheduler rateLimitScheduler(RateLimitProperties properties) {
        return Schedulers.newBoundedElastic(properties.threads(), 10_000, "rate-limit");
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            ClientBuckets buckets,
            RateLimitProperties properties,
            Scheduler rateLimitScheduler,
            Problems problems,
            MeterRegistry meters) {
        return new RateLimitFilter(buckets, properties, rateLimitScheduler, problems, meters);
    }

    @Bean
    ExpiredBuckets expiredBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets) {
        return new ExpiredBuckets(rateLimitBuckets);
    }

    /** Deletes the rows of buckets that are full again and unused; safe with many replicas (SKIP LOCKED). */
    static class ExpiredBuckets {
        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        ExpiredBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(initialDelayString = "1m", fixedDelayString = "1m")
        void removeExpired() {
            try {
                int removed;
                do {
                    removed = buckets.removeExpired(1000);
                } while (removed == 1000);
            } catch (RuntimeException e) {
                log.warn("Could not remove expired rate-limit buckets: {}", e.toString());
            }
        }
    }
}
