package vn.egov.portal.workflow.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
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
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.workflow.DeskDossiers;
import vn.egov.portal.workflow.DeskOfficers;
import vn.egov.portal.workflow.DossierAction;
import vn.egov.portal.workflow.Staff;
import vn.egov.portal.workflow.SupplementRequests;
import vn.egov.portal.workflow.Workflow;

/**
 * Bàn làm việc một cửa (roles {@code officer}, {@code clerk}): the agency's dossiers and the steps on them. An
 * officer sees and acts on its own agency's dossiers only (the token's {@code agency_code}); another agency's
 * dossier answers 404. Every step names the version read in {@code If-Match} (stale → 412).
 */
@RestController
@PreAuthorize("hasAnyRole('officer', 'clerk')")
class DeskController {

    private final Workflow workflow;
    private final DeskDossiers desk;
    private final DeskOfficers officers;
    private final Dossiers dossiers;
    private final SupplementRequests supplements;

    DeskController(
            Workflow workflow,
            DeskDossiers desk,
            DeskOfficers officers,
            Dossiers dossiers,
            SupplementRequests supplements) {
        this.workflow = workflow;
        this.desk = desk;
        this.officers = officers;
        this.dossiers = dossiers;
        this.supplements = supplements;
    }

    @GetMapping("/api/portal/desk/dossiers")
    List<DeskDossiers.Line> list(
            Caller caller,
            @RequestParam(required = false)
                    @Min(value = 1, message = "trạng thái từ 1 đến 10")
                    @Max(value = 10, message = "trạng thái từ 1 đến 10")
                    Integer status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "ít nhất 1")
                    @Max(value = 200, message = "tối đa 200")
                    int limit,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "không âm") int offset) {
        Staff staff = staff(caller);
        return desk.list(
                staff.agencyCode(),
                new DeskDossiers.Filter(
                        status == null ? null : DossierStatus.of(status), overdue, assignee, limit, offset));
    }

    @GetMapping("/api/portal/desk/dossiers/{id}")
    ResponseEntity<Map<String, Object>> dossier(Caller caller, @PathVariable UUID id) {
        Staff staff = staff(caller);
        Dossier d = dossiers.find(id)
                .filter(x -> !x.isDraft() && staff.agencyCode().equals(x.agencyCode()))
                .orElseThrow(Workflow::notFound);
        Map<String, Object> body = DossierViews.of(d, DossierAction.Performer.DESK);
        body.put("applicantPid", d.applicantPid());
        body.put("applicantEmail", d.applicantEmail());
        body.put(
                "overdue",
                desk.isOverdue(id)
                        && !d.status().endsProcessing()
                        && !d.status().isFinal());
        body.put("supplementRequest", supplements.openOf(id).orElse(null));
        body.put("history", dossiers.historyOf(id));
        return ResponseEntity.ok().eTag(IfMatch.etag(d.version())).body(body);
    }

    @PostMapping("/api/portal/desk/dossiers/{id}/{action}")
    ResponseEntity<Map<String, Object>> act(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) ActionRequest request) {
        Staff staff = staff(caller);
        DossierAction step = DossierAction.ofPath(action)
                .filter(a -> a.performer() == DossierAction.Performer.DESK && a != DossierAction.TRANSFER)
                .orElseThrow(() -> unknownAction(action));
        int version = IfMatch.version(ifMatch);
        Dossier changed = workflow.desk(id, version, step, staff, ActionRequest.input(request));
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(changed.version()))
                .body(DossierViews.of(changed, DossierAction.Performer.DESK));
    }

    @GetMapping("/api/portal/desk/officers")
    List<DeskOfficers.Officer> officers(Caller caller) {
        return officers.of(staff(caller).agencyCode());
    }

    private Staff staff(Caller caller) {
        if (caller.agencyCode() == null || caller.agencyCode().isBlank()) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "no-agency",
                    "Tài khoản không gắn với cơ quan nào (thiếu agency_code); không thể dùng bàn làm việc một cửa.");
        }
        Staff staff = new Staff(caller.username(), caller.agencyCode(), caller.roles());
        officers.seen(staff);
        return staff;
    }

    private static ApiProblem unknownAction(String action) {
        return new ApiProblem(
                org.springframework.http.HttpStatus.NOT_FOUND,
                "unknown-action",
                "Không có thao tác \"" + action + "\". Các thao tác: receive, request-supplement, refuse, assign,"
                        + " process, request-payment, complete, return, stop, apology, transfer.");
    }
}
