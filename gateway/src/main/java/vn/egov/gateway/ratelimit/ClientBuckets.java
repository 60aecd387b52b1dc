package vn.egov.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.util.concurrent.batch.BatchHelper;
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
    private final Cache<String, Entry> proxies;

    /** @param idleExpiry how long the row of an idle bucket is kept; a cached proxy is dropped no later. */
    public ClientBuckets(ProxyManager<String> buckets, RateLimitProperties.Sync sync, Duration idleExpiry) {
        this.buckets = buckets;
        this.proxies = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(idleExpiry)
                .build();
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
                        (k, existing) -> existing != null && existing.limit.equals(limit) ? existing : entry(k, limit));
        ConsumptionProbe probe;
        try {
            probe = entry.optimised.tryConsumeAndReturnRemaining(1);
        } catch (BucketNotFoundException | BatchHelper.BatchFailedException e) {
            // a batch met the client's row before its state was written (first calls of a client racing on
            // several threads or replicas): Bucket4j recovers only outside a batch, so this call goes alone
            probe = entry.plain.tryConsumeAndReturnRemaining(1);
        }
        long retryAfterSeconds = probe.isConsumed()
                ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), limit.capacity(), retryAfterSeconds);
    }

    /** The client's bucket, as an optimised proxy and a plain one; nothing is read or written yet. */
    private Entry entry(String key, RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(
                        bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
                .build();
        long version = version(limit);
        // a changed limit replaces the stored one, keeping the share of tokens the client had left
        BucketProxy plain = buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                .build(key, () -> configuration);
        BucketProxy optimised = buckets.builder()
                .withOptimization(optimization)
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
                .build(key, () -> configuration);
        return new Entry(limit, optimised, plain);
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

    private record Entry(RateLimitProperties.Limit limit, BucketProxy optimised, BucketProxy plain) {}
}
