package vn.egov.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Per-client request limits, bound from {@code egov.gateway.rate-limit.*}. A limit is a token bucket: up to
 * {@code capacity} requests at once, refilled with {@code refill} requests every {@code period}.
 *
 * @param enabled whether calls through the gateway are limited at all
 * @param defaultLimit every authenticated client (bearer {@code azp}) and every logged-in user
 * @param anonymous every client address without credentials
 * @param clients overrides by OAuth2 client id ({@code azp})
 * @param sync how buckets shared in PostgreSQL are kept in step between gateway replicas
 * @param timeout how long a call may wait for the shared state before {@code failOpen} decides
 * @param failOpen let calls through (true) or refuse them with 503 (false) while the shared state is unreachable
 * @param threads threads that talk to PostgreSQL (at most the connection pool size)
 * @param idleExpiry how long after refilling up to capacity an unused bucket's row is kept
 */
@ConfigurationProperties("egov.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Name("default") @DefaultValue({"200", "100", "1s"}) Limit defaultLimit,
        @DefaultValue({"40", "20", "1s"}) Limit anonymous,
        Map<String, Limit> clients,
        @DefaultValue Sync sync,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("true") boolean failOpen,
        @DefaultValue("10") int threads,
        @DefaultValue("5m") Duration idleExpiry) {

    public RateLimitProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /** The limit for a client id, or the default. */
    public Limit forClient(String clientId) {
        return clients.getOrDefault(clientId, defaultLimit);
    }

    /**
     * @param capacity the burst: requests allowed at once
     * @param refill requests added back every {@code period}
     * @param period the refill period
     */
    public record Limit(long capacity, long refill, Duration period) {
        public Limit {
            if (capacity <= 0 || refill <= 0 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive capacity, refill and period");
            }
        }
    }

    /**
     * @param mode {@code exact}: every call reads and writes the shared bucket (concurrent calls of one client
     *     are batched into one database round trip); {@code delayed}: each replica spends up to
     *     {@code maxUnsynchronizedTokens} locally and synchronises at least every {@code maxUnsynchronizedTime}
     *     (fewer round trips, a bounded overshoot across replicas)
     * @param maxUnsynchronizedTokens see {@code mode}
     * @param maxUnsynchronizedTime see {@code mode}
     */
    public record Sync(
            @DefaultValue("exact") Mode mode,
            @DefaultValue("10") long maxUnsynchronizedTokens,
            @DefaultValue("100ms") Duration maxUnsynchronizedTime) {}

    public enum Mode {
        EXACT,
        DELAYED
    }
}
