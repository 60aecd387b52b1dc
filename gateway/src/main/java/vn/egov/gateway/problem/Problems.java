package vn.egov.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.gateway.observability.RequestCorrelationFilter;

/**
 * Writes RFC 9457 problem documents in the platform's one shape: {@code type} ({@code urn:egov:problem:<code>}),
 * Vietnamese {@code title} and {@code detail} from the message bundle, {@code status}, {@code instance},
 * {@code code} and the {@code requestId} to quote when asking for help.
 */
@Component
public class Problems {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<String> LANGUAGES = List.of("vi", "en");

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Writes the problem {@code code} with the bundle's detail, filled with {@code args}. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = body(exchange, status, code, args);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The same problem as a functional-endpoint response. */
    public Mono<ServerResponse> response(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body(exchange, status, code, args));
    }

    byte[] body(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        Locale locale = locale(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:egov:problem:" + code);
        problem.put("title", message("problem." + code + ".title", locale, status.getReasonPhrase()));
        problem.put("status", status.value());
        problem.put("detail", message("problem." + code + ".detail", locale, null, args));
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("code", code);
        String requestId = exchange.getAttribute(RequestCorrelationFilter.REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return json.writeValueAsBytes(problem);
    }

    public String message(String key, Locale locale, String fallback, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** Vietnamese unless the caller prefers a language the bundle also has. */
    public static Locale locale(ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.ACCEPT_LANGUAGE)) {
            return VIETNAMESE;
        }
        try {
            for (Locale wanted : exchange.getRequest().getHeaders().getAcceptLanguageAsLocales()) {
                if (LANGUAGES.contains(wanted.getLanguage())) {
                    return Locale.forLanguageTag(wanted.getLanguage());
                }
            }
        } catch (IllegalArgumentException malformed) {
            // fall through to the default language
        }
        return VIETNAMESE;
    }
}
