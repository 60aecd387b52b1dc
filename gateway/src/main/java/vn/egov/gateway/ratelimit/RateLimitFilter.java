package vn.egov.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.egov.gateway.observability.RequestCorrelationFilter;
import vn.egov.gateway.problem.Problems;

/**
 * Limits every routed call per client: the token's {@code azp} for bearer calls, the user for a browser session,
 * the address for anonymous callers. Over the limit: 429 {@code problem+json} with {@code Retry-After}. Every
 * answer carries {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}. The shared bucket lives in
 * PostgreSQL; the JDBC call runs on its own bounded threads, never on the event loop.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String LIMIT = "X-RateLimit-Limit";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final int MAX_KEY_LENGTH = 200;

    private final ClientBuckets buckets;
    private final RateLimitProperties properties;
    private final Scheduler jdbc;
    private final Problems problems;
    private final Counter allowed;
    private final Counter refused;
    private final Counter unavailable;

    public RateLimitFilter(
            ClientBuckets buckets,
            RateLimitProperties properties,
            Scheduler jdbc,
            Problems problems,
            MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.jdbc = jdbc;
        this.problems = problems;
        this.allowed = meters.counter("egov.gateway.rate.limit", "outcome", "allowed");
        this.refused = meters.counter("egov.gateway.rate.limit", "outcome", "refused");
        this.unavailable = meters.counter("egov.gateway.rate.limit", "outcome", "unavailable");
    }

    @Override
    public int getOrder() {
        return -100; // before the route's own filters (token relay, circuit breaker)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(this::keyOf)
                .switchIfEmpty(Mono.fromSupplier(() -> anonymousKey(exchange)))
                .flatMap(client -> {
                    exchange.getAttributes().put(RequestCorrelationFilter.CLIENT_ATTRIBUTE, client.key());
                    return Mono.fromCallable(() -> buckets.tryConsume(storageKey(client.key()), client.limit()))
                            .subscribeOn(jdbc)
                            .timeout(properties.timeout())
                            .map(decision -> (Object) decision)
                            .onErrorResume(error -> {
                                unavailable.increment();
                                log.warn("Rate-limit state unavailable for {}: {}", client.key(), error.toString());
                                return Mono.just(Unavailable.INSTANCE);
                            });
                })
                .flatMap(outcome -> switch (outcome) {
                    case ClientBuckets.Decision decision
                    when decision.allowed() -> {
                        allowed.increment();
                        HttpHeaders headers = exchange.getResponse().getHeaders();
                        headers.set(LIMIT, Long.toString(decision.limit()));
                        headers.set(REMAINING, Long.toString(decision.remaining()));
                        yield chain.filter(exchange);
                    }
                    case ClientBuckets.Decision decision -> {
                        refused.increment();
                        HttpHeaders headers = exchange.getResponse().getHeaders();
                        headers.set(LIMIT, Long.toString(decision.limit()));
                        headers.set(REMAINING, "0");
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                        yield problems.write(
                                exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", decision.retryAfterSeconds());
                    }
                    default ->
                        properties.failOpen()
                                ? chain.filter(exchange)
                                : problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "rate-limit-unavailable");
                });
    }

    private Client keyOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            String clientId = jwt.getToken().getClaimAsString("azp");
            if (clientId == null) {
                clientId = jwt.getToken().getClaimAsString("client_id");
            }
            if (clientId == null) {
                clientId = jwt.getName();
            }
            return new Client("client:" + clientId, properties.forClient(clientId));
        }
        if (principal instanceof OAuth2AuthenticationToken session) {
            return new Client("user:" + session.getName(), properties.defaultLimit());
        }
        return new Client("user:" + principal.getName(), properties.defaultLimit());
    }

    private Client anonymousKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        return new Client("ip:" + address, properties.anonymous());
    }

    /** Keys are stored as they are, unless too long for the table: then as a digest. */
    static String storageKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return key.substring(0, key.indexOf(':') + 1) + "sha256:"
                    + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Client(String key, RateLimitProperties.Limit limit) {}

    private enum Unavailable {
        INSTANCE
    }
}
