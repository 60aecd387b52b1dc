package vn.egov.registry.me;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.accesslog.AccessEntry;
import vn.egov.registry.accesslog.AccessLog;
import vn.egov.registry.citizen.Citizens;
import vn.egov.registry.citizen.Versions;
import vn.egov.registry.pid.PersonalIdNumber;
import vn.egov.registry.sharing.CitizenField;
import vn.egov.registry.sharing.Consents;
import vn.egov.registry.sharing.Purposes;
import vn.egov.registry.sharing.ReadCitizen;

/**
 * The citizen's own view (role {@code citizen}, identified by the token's {@code pid} claim): their record, who
 * read it (the access log), their consents for pre-fill, and requests to correct their data.
 */
@RestController
@PreAuthorize("hasRole('citizen')")
class MeController {

    private final ReadCitizen reads;
    private final AccessLog accessLog;
    private final Citizens citizens;
    private final Consents consents;
    private final CorrectionRequests corrections;

    MeController(
            ReadCitizen reads,
            AccessLog accessLog,
            Citizens citizens,
            Consents consents,
            CorrectionRequests corrections) {
        this.reads = reads;
        this.accessLog = accessLog;
        this.citizens = citizens;
        this.consents = consents;
        this.corrections = corrections;
    }

    @GetMapping("/api/registry/me")
    ResponseEntity<Map<String, Object>> me(Caller caller) {
        ReadCitizen.Released released = reads.own(caller);
        return ResponseEntity.ok()
                .eTag(Versions.etag(released.version()))
                .header("Cache-Control", "no-store")
                .body(released.body());
    }

    /** Who read my data: every access to any number I have held, newest first. */
    @GetMapping("/api/registry/me/access-log")
    List<AccessEntryView> accessLog(
            Caller caller,
            @RequestParam(required = false) @Min(1) Long before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String pid = pidOf(caller);
        List<String> pids =
                citizens.findByPid(pid).map(c -> citizens.allPids(c.id())).orElse(List.of(pid));
        return accessLog.about(pids, before, limit).stream()
                .map(AccessEntryView::of)
                .toList();
    }

    /** An access-log entry as the citizen sees it. */
    record AccessEntryView(
            long seq,
            String occurredAt,
            String clientId,
            String agencyCode,
            String username,
            String action,
            String purpose,
            List<String> fields,
            String reference,
            String outcome) {

        static AccessEntryView of(AccessEntry e) {
            return new AccessEntryView(
                    e.id(),
                    e.occurredAt().toString(),
                    e.clientId(),
                    e.agencyCode(),
                    e.username(),
                    e.action().name(),
                    e.purposeCode(),
                    e.fields().isEmpty() ? List.of() : List.of(e.fields().split(",")),
                    e.reference(),
                    e.outcome().name());
        }
    }

    record ConsentRequest(
            @NotBlank(message = "Mã hồ sơ là bắt buộc.") @Size(max = 100)
            String dossierReference,

            @NotBlank(message = "Ứng dụng được đồng ý là bắt buộc.") @Size(max = 100)
            String clientId,

            @NotEmpty(message = "Cần ít nhất một trường dữ liệu.")
            List<String> fields) {}

    /** Đồng ý cho điền sẵn biểu mẫu: returns the consent receipt. */
    @PostMapping("/api/registry/me/consents")
    @Transactional
    ResponseEntity<Consents.Consent> consent(Caller caller, @Valid @RequestBody ConsentRequest request) {
        String pid = pidOf(caller);
        Set<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        List<FieldProblem> unknown = new ArrayList<>();
        for (String name : request.fields()) {
            CitizenField.byApiName(name)
                    .ifPresentOrElse(
                            fields::add,
                            () -> unknown.add(new FieldProblem("fields", "Không có trường '" + name + "'.")));
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "unknown-field", "Có trường dữ liệu không có trong danh mục.", unknown);
        }
        String notice = "Tôi đồng ý để ứng dụng " + request.clientId() + " sử dụng các thông tin "
                + CitizenField.describe(List.copyOf(fields))
                + " trong Cơ sở dữ liệu quốc gia về dân cư để điền sẵn hồ sơ "
                + request.dossierReference() + ". Tôi có thể rút lại sự đồng ý bất cứ lúc nào (Nghị định 13/2023/NĐ-CP"
                + " Điều 11, 12).";
        Consents.Consent receipt = consents.grant(
                pid, request.clientId(), Purposes.PORTAL_PREFILL, request.dossierReference(), fields, notice);
        return ResponseEntity.created(URI.create("/api/registry/me/consents/" + receipt.id()))
                .body(receipt);
    }

    @GetMapping("/api/registry/me/consents")
    List<Consents.Consent> consents(Caller caller) {
        return consents.of(pidOf(caller));
    }

    /** Rút lại đồng ý: the receipt stays, stamped with the revocation. */
    @DeleteMapping("/api/registry/me/consents/{id}")
    @Transactional
    Consents.Consent revoke(Caller caller, @PathVariable UUID id) {
        String pid = pidOf(caller);
        Consents.Consent consent = consents.find(id)
                .filter(c -> c.citizenPid().equals(pid))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "consent-not-found",
                        "Không có sự đồng ý mã " + id + " của công dân này."));
        consents.revoke(consent.id());
        return consents.find(id).orElseThrow();
    }

    record CorrectionRequestBody(
            @NotBlank(message = "Trường cần điều chỉnh là bắt buộc.")
            String field,

            @Size(max = 500) String proposedValue,

            @NotBlank(message = "Lý do là bắt buộc.") @Size(max = 1000)
            String reason) {}

    /**
     * Yêu cầu điều chỉnh thông tin, handled later by an officer of civil registration; without {@code
     * proposedValue}, a request to clear an optional field (a value recorded by mistake).
     */
    @PostMapping("/api/registry/me/correction-requests")
    ResponseEntity<CorrectionRequests.CorrectionRequest> requestCorrection(
            Caller caller, @Valid @RequestBody CorrectionRequestBody body) {
        String pid = pidOf(caller);
        if (CitizenField.byApiName(body.field()).isEmpty()) {
            throw ApiProblem.badField("unknown-field", "field", "Không có trường '" + body.field() + "'.");
        }
        if (!CorrectionDesk.CORRECTABLE.contains(body.field())) {
            throw ApiProblem.badField(
                    "field-not-correctable",
                    "field",
                    "Trường '" + body.field() + "' không điều chỉnh được qua yêu cầu này; nơi cư trú, hộ và thẻ căn"
                            + " cước thay đổi theo thủ tục riêng.");
        }
        if (body.proposedValue() != null && body.proposedValue().isBlank()) {
            throw ApiProblem.badField(
                    "invalid",
                    "proposedValue",
                    "Giá trị đề nghị không được để trống; bỏ proposedValue để đề nghị xóa thông tin của trường này.");
        }
        if (body.proposedValue() == null
                && CorrectionDesk.clearable(body.field()).isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "field-required",
                    "Trường '" + body.field() + "' là thông tin bắt buộc; chỉ đề nghị sửa được, không đề nghị xóa"
                            + " được.",
                    List.of(new FieldProblem(
                            body.field(), "Thông tin bắt buộc, cần giá trị đề nghị (proposedValue).")));
        }
        var request = corrections.file(pid, body.field(), body.proposedValue(), body.reason());
        return ResponseEntity.created(URI.create("/api/registry/me/correction-requests/" + request.id()))
                .body(request);
    }

    @GetMapping("/api/registry/me/correction-requests")
    List<CorrectionRequests.CorrectionRequest> correctionRequests(Caller caller) {
        return corrections.of(pidOf(caller));
    }

    private static String pidOf(Caller caller) {
        if (caller.pid() == null || !PersonalIdNumber.hasFormat(caller.pid())) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-pid-claim",
                    "Mã truy cập không mang số định danh cá nhân (pid) của công dân.");
        }
        return caller.pid();
    }
}
