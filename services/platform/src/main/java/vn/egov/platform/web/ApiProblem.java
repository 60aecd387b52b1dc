package vn.egov.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the domain decides: thrown by use cases, answered as {@code problem+json}. {@code code} names the
 * problem (also the message-bundle key {@code problem.<code>.title}); {@code detail} is the Vietnamese text
 * shown to the user; {@code errors} name the fields at fault.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public static ApiProblem badField(String code, String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, reason, List.of(new FieldProblem(field, reason)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
