package vn.egov.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The token buckets of every client, kept in PostgreSQL so that every gateway replica spends from the same
 * bucket. Blocking (JDBC): call it off the event loop. The bucket proxies are cached per key because the
 * optimisation (batching, or delayed synchronisation) lives in the proxy.
 */
public class ClientBuckets {

    private final ProxyManager<String> buckets;
    private final Optimization optimization;
    private final Cache<String, Entry> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public ClientBuckets(ProxyManager<String> buckets, RateLimitProperties.Sync sync) {
        this.buckets = buckets;
        this.optimization = switch (sync.mode()) {
            case EXACT -> Optimizations.batching();
            case DELAYED ->
                Optimizations.delaying(
                        new DelayParameters(sync.maxUnsynchronizedTokens(), sync.maxUnsynchronizedTime()));
        };
    }

    /** Takes one token from {@code key}'s bucket, creating or reconfiguring the bucket to {@code limit}. */
    public Decision tryConsume(String key, RateLimitProperties.Limit limit) {
        Entry entry = proxies.asMap()
                .compute(
                        key,
                        (k, existing) -> existing != null && existing.limit.equals(limit)
                                ? existing
                                : new Entry(limit, proxy(k, limit)));
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        long retryAfterSeconds = probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), limit.capacity(), retryAfterSeconds);
    }

    private BucketProxy proxy(String key, RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(
                        bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
                .build();
        return buckets.builder()
                .withOptimization(optimization)
                // a changed limit replaces the stored one, keeping the share of tokens the client had left
                .withImplicitConfigurationReplacement(version(limit), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(key, () -> configuration);
    }

    private static long version(RateLimitProperties.Limit limit) {
        return Integer.toUnsignedLong(Objects.hash(limit.capacity(), limit.refill(), limit.period()));
    }

    /**
     * @param allowed whether the call may go on
     * @param remaining tokens left in the bucket
     * @param limit the bucket's capacity
     * @param retryAfterSeconds when refused, how long until a token is back
     */
    public record Decision(boolean allowed, long remaining, long limit, long retryAfterSeconds) {}

    private record Entry(RateLimitProperties.Limit limit, BucketProxy bucket) {}
}
