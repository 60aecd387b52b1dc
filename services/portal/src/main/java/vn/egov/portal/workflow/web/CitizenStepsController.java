package vn.egov.portal.workflow.web;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.workflow.DossierAction;
import vn.egov.portal.workflow.SupplementRequests;
import vn.egov.portal.workflow.Workflow;

/**
 * The citizen's steps on their own dossier (role {@code citizen}, owner = the token's {@code pid}): read the open
 * supplement request, supplement (the clock restarts), withdraw before the result is done. {@code If-Match} is
 * optional here; when sent, a stale version answers 412.
 */
@RestController
@PreAuthorize("hasRole('citizen')")
class CitizenStepsController {

    private final Workflow workflow;
    private final Dossiers dossiers;
    private final SupplementRequests supplements;

    CitizenStepsController(Workflow workflow, Dossiers dossiers, SupplementRequests supplements) {
        this.workflow = workflow;
        this.dossiers = dossiers;
        this.supplements = supplements;
    }

    @GetMapping("/api/portal/dossiers/{id}/supplement-request")
    SupplementRequests.Open supplementRequest(Caller caller, @PathVariable UUID id) {
        Dossier d = dossiers.find(id)
                .filter(x -> !x.isDraft() && x.applicantPid().equals(caller.pid()))
                .orElseThrow(Workflow::notFound);
        return supplements.openOf(d.id()).orElseThrow(Workflow::notFound);
    }

    @PostMapping("/api/portal/dossiers/{id}/supplement")
    ResponseEntity<Map<String, Object>> supplement(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) ActionRequest request) {
        return step(caller, id, ifMatch, DossierAction.SUPPLEMENT, request);
    }

    @PostMapping("/api/portal/dossiers/{id}/withdraw")
    ResponseEntity<Map<String, Object>> withdraw(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) ActionRequest request) {
        return step(caller, id, ifMatch, DossierAction.WITHDRAW, request);
    }

    private ResponseEntity<Map<String, Object>> step(
            Caller caller, UUID id, String ifMatch, DossierAction action, ActionRequest request) {
        Dossier changed =
                workflow.citizen(id, IfMatch.optional(ifMatch), action, caller.pid(), ActionRequest.input(request));
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(changed.version()))
                .body(DossierViews.of(changed, DossierAction.Performer.CITIZEN));
    }
}
