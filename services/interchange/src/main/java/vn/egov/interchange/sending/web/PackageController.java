package vn.egov.interchange.sending.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.interchange.attempts.RefusedAttempts;
import vn.egov.interchange.sending.IntakeLimiter;
import vn.egov.interchange.sending.SendPackage;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * {@code POST /api/interchange/packages}: an agency's system sends a signed edXML package ({@code application/xml}).
 * 202 with the document id and the recipients; a refusal is problem+json and is logged.
 */
@RestController
class PackageController {

    static final String SENDERS = "hasAnyRole('clerk','officer','integrator','agency-admin')";

    private final SendPackage sendPackage;
    private final RefusedAttempts refused;
    private final IntakeLimiter limiter;

    PackageController(SendPackage sendPackage, RefusedAttempts refused, IntakeLimiter limiter) {
        this.sendPackage = sendPackage;
        this.refused = refused;
        this.limiter = limiter;
    }

    @PostMapping(
            path = "/api/interchange/packages",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize(SENDERS)
    ResponseEntity<SendPackage.Accepted> send(HttpServletRequest request, Caller caller) throws IOException {
        AtomicReference<byte[]> body = new AtomicReference<>();
        try {
            var accepted = limiter.run(request.getInputStream(), body::set, bytes -> sendPackage.send(caller, bytes));
            return ResponseEntity.accepted()
                    .location(URI.create("/api/interchange/packages/" + accepted.id() + "/timeline"))
                    .body(accepted);
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            refused.record("POST /api/interchange/packages", caller, body.get(), problem);
            throw problem;
        }
    }
}
