package vn.egov.portal.workflow.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.egov.platform.web.ProblemWriter;
import vn.egov.portal.workflow.InvalidTransition;

/**
 * A step out of order answers 409 {@code invalid-transition} with, besides the platform's problem fields, the
 * dossier's {@code currentStatus} (1–10), its label and the {@code allowedActions} from it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkflowProblems {

    private final ProblemWriter problems;

    WorkflowProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidTransition.class)
    ResponseEntity<ProblemDetail> invalidTransition(InvalidTransition e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, e.status(), e.code(), e.getMessage(), e.errors());
        problem.setProperty("currentStatus", e.current().code());
        problem.setProperty("currentStatusLabel", e.current().label());
        problem.setProperty("allowedActions", e.allowedActions());
        return ResponseEntity.status(e.status())
                .contentType(ProblemWriter.PROBLEM_JSON)
                .body(problem);
    }
}
