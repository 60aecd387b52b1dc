package vn.egov.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.egov.gateway.config.GatewayProperties;
import vn.egov.gateway.problem.Problems;

/**
 * Where a circuit breaker sends a call that failed, timed out or was not attempted: 503 {@code problem+json}
 * naming the service in Vietnamese, with the reason ({@code service-unavailable}, {@code service-timeout},
 * {@code service-circuit-open}) and, for an open breaker, {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackHandler {

    @Bean
    RouterFunction<ServerResponse> fallbackRoutes(Problems problems, GatewayProperties properties) {
        return RouterFunctions.route(
                RequestPredicates.path(ServiceRoutes.FALLBACK_PATH + "{service}"),
                request -> fallback(request, problems, properties));
    }

    private static Mono<ServerResponse> fallback(ServerRequest request, Problems problems, GatewayProperties props) {
        String service = request.pathVariable("service");
        ServerWebExchange exchange = request.exchange();
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Locale locale = Problems.locale(exchange);
        String serviceName = problems.message("service." + service, locale, service);
        Mono<ServerResponse> written;
        if (cause instanceof CallNotPermittedException) {
            long retryAfter = Math.max(1, props.breaker().openFor().toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            written = problems.response(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-circuit-open", serviceName, retryAfter);
        } else if (cause instanceof TimeoutException) {
            GatewayProperties.Service configured = props.services().get(service);
            long seconds = configured == null ? 0 : configured.timeout().toSeconds();
            written = problems.response(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-timeout", serviceName, seconds);
        } else {
            written = problems.response(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", serviceName);
        }
        return written;
    }
}
