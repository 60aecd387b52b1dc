package vn.egov.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway raises itself becomes {@code problem+json}: unknown paths (404), wrong methods, a
 * session whose tokens can no longer be refreshed (401), and anything unexpected (500). Runs before Spring
 * Boot's whitelabel handler.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    public ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        if (error instanceof ResponseStatusException status) {
            return problems.write(exchange, resolve(status.getStatusCode()), code(status.getStatusCode()));
        }
        if (error instanceof ClientAuthorizationException || error instanceof OAuth2AuthorizationException) {
            // the session's refresh token was refused: the user has to log in again
            log.info("Session tokens could not be renewed: {}", error.getMessage());
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "session-expired");
        }
        log.error(
                "Unexpected error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
    }

    private static HttpStatus resolve(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String code(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            case 504 -> "gateway-timeout";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }
}
