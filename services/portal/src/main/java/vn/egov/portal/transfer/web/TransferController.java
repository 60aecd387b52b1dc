package vn.egov.portal.transfer.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.transfer.RequestTransfer;
import vn.egov.portal.transfer.Transfer;
import vn.egov.portal.transfer.Transfers;
import vn.egov.portal.workflow.Staff;
import vn.egov.portal.workflow.Workflow;

/**
 * {@code POST /api/portal/desk/dossiers/{id}/transfer} with {@code If-Match} and {@code {toAgency, note}}: sends a
 * dossier in process to another agency through the interchange (202: recorded, sent by a job).
 * {@code GET .../transfers}: the dossier's transfers with their attempts and the other agency's status.
 */
@RestController
@PreAuthorize("hasAnyRole('officer', 'clerk')")
class TransferController {

    /** The body of a transfer request. */
    record TransferRequest(String toAgency, String note) {}

    private final RequestTransfer requests;
    private final Transfers transfers;
    private final Dossiers dossiers;

    TransferController(RequestTransfer requests, Transfers transfers, Dossiers dossiers) {
        this.requests = requests;
        this.transfers = transfers;
        this.dossiers = dossiers;
    }

    @PostMapping("/api/portal/desk/dossiers/{id}/transfer")
    ResponseEntity<Transfer> transfer(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) TransferRequest request) {
        Transfer t = requests.request(
                id,
                version(ifMatch),
                staff(caller),
                request == null ? null : request.toAgency(),
                request == null ? null : request.note());
        int version = dossiers.find(id).orElseThrow().version();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .eTag("\"" + version + "\"")
                .body(t);
    }

    @GetMapping("/api/portal/desk/dossiers/{id}/transfers")
    List<Map<String, Object>> transfers(Caller caller, @PathVariable UUID id) {
        Staff staff = staff(caller);
        Dossier d = dossiers.find(id)
                .filter(x -> !x.isDraft() && x.agencyCode().equals(staff.agencyCode()))
                .orElseThrow(Workflow::notFound);
        return transfers.ofDossier(d.id()).stream()
                .map(t -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", t.id());
                    m.put("toAgency", t.toAgency());
                    m.put("documentId", t.documentId());
                    m.put("state", t.state());
                    m.put("attempts", t.attempts());
                    m.put("nextAttemptAt", t.state() == Transfer.State.PENDING ? t.nextAttemptAt() : null);
                    m.put("lastError", t.lastError());
                    m.put("statusCode", t.statusCode());
                    m.put("requestedBy", t.requestedBy());
                    m.put("requestedAt", t.requestedAt());
                    m.put("sentAt", t.sentAt());
                    return m;
                })
                .toList();
    }

    private static Staff staff(Caller caller) {
        if (caller.agencyCode() == null || caller.agencyCode().isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-agency",
                    "Tài khoản không gắn với cơ quan nào (thiếu agency_code); không thể dùng bàn làm việc một cửa.");
        }
        return new Staff(caller.username(), caller.agencyCode(), caller.roles());
    }

    private static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required",
                    "Cần tiêu đề If-Match với ETag (phiên bản) của hồ sơ đã đọc.",
                    List.of(new FieldProblem("If-Match", "Thiếu tiêu đề If-Match.")));
        }
        try {
            return Integer.parseInt(header.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Tiêu đề If-Match không phải ETag của một hồ sơ.",
                    List.of(new FieldProblem("If-Match", "Giá trị không hợp lệ: " + header)));
        }
    }
}
