package vn.egov.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents in one shape for the whole platform: {@code type}
 * ({@code urn:egov:problem:<code>}), Vietnamese {@code title} and {@code detail} from the message bundle,
 * {@code status}, {@code instance}, {@code code}, and {@code errors} naming each field at fault.
 */
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemWriter(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(
            HttpServletRequest request, HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:egov:problem:" + code));
        problem.setTitle(message("problem." + code + ".title", locale, status.getReasonPhrase()));
        problem.setDetail(detail != null ? detail : message("problem." + code + ".detail", locale, null));
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        problem.setProperty("code", code);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem straight to the response, for filters and security handlers outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        write(request, response, problem(request, status, code, null, List.of()));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        json.writeValue(response.getOutputStream(), body);
    }

    public String message(String key, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** Vietnamese unless the caller asks for another language the bundle has. */
    static Locale locale(HttpServletRequest request) {
        if (request == null || request.getHeader("Accept-Language") == null) {
            return VIETNAMESE;
        }
        try {
            return RequestContextUtils.getLocale(request);
        } catch (IllegalStateException e) {
            return request.getLocale();
        }
    }

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
}
