package vn.egov.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it is a sane token, otherwise a new UUID),
 * forwards it to the service, returns it on the response, and writes one access-log line per request: request
 * id, client, route, method, path, status and latency. The first filter of all, so the latency is the whole
 * gateway's. The line carries the trace id too, so one search finds the request in the traces.
 */
@Component
public class RequestCorrelationFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID_ATTRIBUTE = RequestCorrelationFilter.class.getName() + ".requestId";
    /** Who is calling, as the rate limiter keys it ({@code client:…}, {@code user:…}, {@code ip:…}). */
    public static final String CLIENT_ATTRIBUTE = RequestCorrelationFilter.class.getName() + ".client";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger access = LoggerFactory.getLogger("vn.egov.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && SANE_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        ServerWebExchange correlated = exchange.mutate().request(request).build();
        correlated.getResponse().beforeCommit(() -> {
            correlated.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return Mono.deferContextual(context -> {
            String traceId = traceId(context);
            return chain.filter(correlated).doFinally(signal -> {
                if (access.isInfoEnabled()) {
                    log(correlated, requestId, traceId, started, signal == SignalType.CANCEL);
                }
            });
        });
    }

    /** The trace of the server observation Spring WebFlux started for this request, if tracing is on. */
    private static String traceId(ContextView context) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            return "-";
        }
        TracingObservationHandler.TracingContext tracing =
                observation.getContext().get(TracingObservationHandler.TracingContext.class);
        return tracing == null || tracing.getSpan() == null
                ? "-"
                : tracing.getSpan().context().traceId();
    }

    private static void log(
            ServerWebExchange exchange, String requestId, String traceId, long started, boolean cancelled) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String client = exchange.getAttribute(CLIENT_ATTRIBUTE);
        if (client == null) {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            client = remote == null ? "-" : "ip:" + remote.getHostString();
        }
        access.info(
                "requestId={} traceId={} client={} route={} method={} path={} status={} latencyMs={}",
                requestId,
                traceId,
                client,
                route == null ? "-" : route.getId(),
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                cancelled ? "cancelled" : status == null ? "-" : String.valueOf(status.value()),
                (System.nanoTime() - started) / 1_000_000);
    }
}
