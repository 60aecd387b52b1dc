package vn.egov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a service answers is {@code problem+json}: validation failures name each field and the reason,
 * malformed JSON names the position, domain refusals ({@link ApiProblem}) keep their code, and anything
 * unexpected is a 500 that leaks nothing.
 */
@RestControllerAdvice
@Order(0)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;

    public ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
        return respond(problems.problem(request, e.status(), e.code(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleWrite(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problems.problem(request, HttpStatus.PRECONDITION_FAILED, "stale-version", null, List.of()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e; // answered by the security filter chain's problem handlers
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), reason(error)));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), reason(error))));
        return invalid(request, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error ->
                        errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), reason(error)))));
        return invalid(request, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String reason = problems.message("problem.malformed-body.detail", ProblemWriter.VIETNAMESE, "malformed body");
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            field = jsonPath(databind);
            reason = problems.message("problem.malformed-field.detail", ProblemWriter.VIETNAMESE, "wrong type");
        } else if (e.getCause() instanceof JacksonException jackson && jackson.getLocation() != null) {
            reason = reason + " (" + jackson.getLocation().getLineNr() + ":"
                    + jackson.getLocation().getColumnNr() + ")";
        }
        return cast(respond(problems.problem(
                servletRequest(request),
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                reason,
                List.of(new FieldProblem(field, reason)))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "" : expectedValues(e.getRequiredType());
        String reason = problems.message("problem.wrong-value.detail", ProblemWriter.VIETNAMESE, "wrong value") + " '"
                + e.getValue() + "'" + expected;
        return invalid(request, List.of(new FieldProblem(field == null ? "parameter" : field, reason)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String reason = problems.message("problem.missing-value.detail", ProblemWriter.VIETNAMESE, "required");
        return invalid(request, List.of(new FieldProblem(e.getParameterName(), reason)));
    }

    private static String expectedValues(Class<?> type) {
        if (type.isEnum()) {
            return " ("
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(type.getEnumConstants())
                                    .map(Object::toString)
                                    .toList()) + ")";
        }
        return " (" + type.getSimpleName() + ")";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC's own errors (404, 405, 406, 415, missing parameter...): keep the status, our shape.
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String code =
                switch (status) {
                    case NOT_FOUND -> "not-found";
                    case METHOD_NOT_ALLOWED -> "method-not-allowed";
                    case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                    case NOT_ACCEPTABLE -> "not-acceptable";
                    case PAYLOAD_TOO_LARGE -> "payload-too-large";
                    default -> status.is5xxServerError() ? "internal" : "bad-request";
                };
        String detail = e instanceof ErrorResponse error && status.is4xxClientError()
                ? error.getBody().getDetail()
                : null;
        ProblemDetail problem = problems.problem(servletRequest(request), status, code, null, List.of());
        if (detail != null && code.equals("bad-request")) {
            problem.setProperty("cause", detail);
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<Object> invalid(WebRequest request, List<FieldProblem> errors) {
        return cast(
                respond(problems.problem(servletRequest(request), HttpStatus.BAD_REQUEST, "invalid", null, errors)));
    }

    private String reason(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message != null
                ? message
                : String.valueOf(
                        error.getCodes() != null && error.getCodes().length > 0 ? error.getCodes()[0] : "invalid");
    }

    private static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
