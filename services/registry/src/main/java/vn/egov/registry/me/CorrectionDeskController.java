package vn.egov.registry.me;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.registry.citizen.Versions;

/**
 * The officers' side of correction requests (role {@code officer}): the queue (logged), and the decision.
 * Accepting a request applies it to the citizen's record with {@code If-Match} (the version from the record's
 * ETag), in the same transaction as the decision; the answer carries the record's new ETag.
 */
@RestController
@PreAuthorize("hasRole('officer')")
class CorrectionDeskController {

    enum Decision {
        ACCEPTED,
        REJECTED
    }

    record DecisionRequest(
            @NotNull(message = "Quyết định là bắt buộc.") Decision decision,
            @Size(max = 1000) String note) {}

    private final CorrectionDesk desk;

    CorrectionDeskController(CorrectionDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/registry/correction-requests")
    List<CorrectionRequests.CorrectionRequest> queue(
            Caller caller,
            @RequestParam(defaultValue = "PENDING") Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return desk.queue(caller, status.name(), limit);
    }

    @PostMapping("/api/registry/correction-requests/{id}/decision")
    ResponseEntity<CorrectionRequests.CorrectionRequest> decide(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DecisionRequest body) {
        CorrectionDesk.Decided decided = desk.decide(
                caller, id, body.decision() == Decision.ACCEPTED, pid -> Versions.ifMatch(ifMatch), body.note());
        if (decided.version() == null) {
            return ResponseEntity.ok(decided.request());
        }
        return ResponseEntity.ok()
                .location(URI.create("/api/registry/citizens/" + decided.pid() + "/record"))
                .eTag(Versions.etag(decided.version()))
                .body(decided.request());
    }

    /** The statuses a request can have. */
    enum Status {
        PENDING,
        ACCEPTED,
        REJECTED
    }
}
