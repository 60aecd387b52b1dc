package vn.egov.interchange.status.web;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.attempts.RefusedAttempts;
import vn.egov.interchange.sending.IntakeLimiter;
import vn.egov.interchange.status.ReportStatus;
import vn.egov.interchange.status.Timeline;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * {@code POST /api/interchange/statuses}: a signed edXML status package. {@code GET
 * /api/interchange/packages/{id}/timeline}: the sender's per-recipient timeline.
 */
@RestController
class StatusController {

    private final ReportStatus reportStatus;
    private final Timeline timeline;
    private final RefusedAttempts refused;
    private final IntakeLimiter limiter;

    StatusController(ReportStatus reportStatus, Timeline timeline, RefusedAttempts refused, IntakeLimiter limiter) {
        this.reportStatus = reportStatus;
        this.timeline = timeline;
        this.refused = refused;
        this.limiter = limiter;
    }

    @PostMapping(
            path = "/api/interchange/statuses",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize("hasAnyRole('clerk','officer','integrator','agency-admin')")
    ResponseEntity<ReportStatus.Accepted> report(@RequestBody byte[] body, Caller caller) {
        try {
            return ResponseEntity.accepted().body(limiter.run(() -> reportStatus.report(caller, body)));
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            refused.record("POST /api/interchange/statuses", caller, body, problem);
            throw problem;
        }
    }

    @GetMapping("/api/interchange/packages/{id}/timeline")
    Timeline.View timeline(@PathVariable UUID id, Caller caller) {
        return timeline.of(caller, id);
    }
}
