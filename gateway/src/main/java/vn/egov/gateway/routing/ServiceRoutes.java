package vn.egov.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import vn.egov.gateway.config.GatewayProperties;
import vn.egov.gateway.config.GatewayProperties.Breaker;
import vn.egov.gateway.config.GatewayProperties.Service;

/**
 * One API route and one API-document route per service in {@code egov.gateway.services}.
 *
 * <p>API route {@code <service>}: the path unchanged (services serve the same path), the session's access token
 * relayed ({@code TokenRelay}; a bearer token passes through as sent), cookies kept away from the service, and
 * a circuit breaker with the service's own time limit whose fallback answers 503 {@code problem+json}.
 *
 * <p>Document route {@code <service>-docs}: {@code /docs/<service>/v3/api-docs} → {@code <service>/v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    public static final String FALLBACK_PATH = "/fallback/";
    private static final Duration DOCS_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Map.Entry<String, Service> entry : properties.services().entrySet()) {
            String name = entry.getKey();
            Service service = entry.getValue();
            routes.route(name, r -> r.path(service.path())
                    .filters(f -> f.tokenRelay()
                            .removeRequestHeader(HttpHeaders.COOKIE)
                            .removeResponseHeader(HttpHeaders.SET_COOKIE)
                            .circuitBreaker(cb -> cb.setName(name).setFallbackUri("forward:" + FALLBACK_PATH + name)))
                    .uri(service.uri()));
            routes.route(name + "-docs", r -> r.path("/docs/" + name + "/v3/api-docs")
                    .filters(f -> f.setPath("/v3/api-docs")
                            .removeRequestHeader(HttpHeaders.COOKIE)
                            .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                            .removeResponseHeader(HttpHeaders.SET_COOKIE))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, DOCS_TIMEOUT.toMillis())
                    .uri(service.uri()));
        }
        return routes.build();
    }

    /** Each service's breaker and time limit; without this, Resilience4j cuts every call at one second. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakers(GatewayProperties properties) {
        return factory -> {
            Breaker breaker = properties.breaker();
            factory.configureDefault(id -> config(id, breaker, Duration.ofSeconds(10)));
            properties
                    .services()
                    .forEach((name, service) -> factory.configure(
                            builder -> builder.circuitBreakerConfig(circuitBreaker(breaker))
                                    .timeLimiterConfig(timeLimiter(service.timeout())),
                            name));
        };
    }

    private static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration config(
            String id, Breaker breaker, Duration timeout) {
        return new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(circuitBreaker(breaker))
                .timeLimiterConfig(timeLimiter(timeout))
                .build();
    }

    static CircuitBreakerConfig circuitBreaker(Breaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    static TimeLimiterConfig timeLimiter(Duration timeout) {
        return TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build();
    }
}
