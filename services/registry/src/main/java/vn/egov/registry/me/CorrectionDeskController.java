package vn.egov.registry.me;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * The officers' side of correction requests (role {@code officer}): the queue, and the decision. Accepting a
 * request records the decision; the data itself changes through the correction life event (with If-Match).
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

    private final CorrectionRequests requests;

    CorrectionDeskController(CorrectionRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/registry/correction-requests")
    List<CorrectionRequests.CorrectionRequest> queue(
            @RequestParam(defaultValue = "PENDING") Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return requests.withStatus(status.name(), limit);
    }

    @PostMapping("/api/registry/correction-requests/{id}/decision")
    CorrectionRequests.CorrectionRequest decide(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody DecisionRequest body) {
        CorrectionRequests.CorrectionRequest request = requests.find(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "correction-request-not-found",
                        "Không có yêu cầu điều chỉnh mã " + id + "."));
        if (!requests.decide(request.id(), body.decision().name(), caller.username(), body.note())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "already-decided",
                    "Yêu cầu điều chỉnh này đã được xử lý ("
                            + requests.find(id).orElseThrow().status() + ").");
        }
        return requests.find(id).orElseThrow();
    }

    /** The statuses a request can have. */
    enum Status {
        PENDING,
        ACCEPTED,
        REJECTED
    }
}
