package vn.egov.interchange.status.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    ResponseEntity<ReportStatus.Accepted> report(HttpServletRequest request, Caller caller) throws IOException {
        AtomicReference<byte[]> body = new AtomicReference<>();
        try {
            return ResponseEntity.accepted()
                    .body(limiter.run(
                            request.getInputStream(), body::set, bytes -> reportStatus.report(caller, bytes)));
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            refused.record("POST /api/interchange/statuses", caller, body.get(), problem);
            throw problem;
        }
    }

    @GetMapping("/api/interchange/packages/{id}/timeline")
    Timeline.View timeline(@PathVariable UUID id, Caller caller) {
        return timeline.of(caller, id);
    }
}
