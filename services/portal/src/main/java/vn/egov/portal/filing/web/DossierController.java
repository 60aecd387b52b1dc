package vn.egov.portal.filing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.portal.attachment.Attachment;
import vn.egov.portal.attachment.Attachments;
import vn.egov.portal.dossier.Applicants;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.filing.FileDossier;
import vn.egov.portal.filing.Receipts;

/** A citizen's own dossiers: start, save the draft, submit, list, read with the history and the receipt. */
@RestController
@PreAuthorize("hasRole('citizen')")
class DossierController {

    private final FileDossier filing;
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Receipts receipts;

    DossierController(FileDossier filing, Dossiers dossiers, Attachments attachments, Receipts receipts) {
        this.filing = filing;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.receipts = receipts;
    }

    record StartRequest(
            @NotBlank(message = "Mã thủ tục là bắt buộc.")
            @Pattern(regexp = "[0-9]\\.[0-9]{6}", message = "Mã thủ tục có dạng d.dddddd.")
            String procedureCode,

            JsonNode form) {}

    record SaveRequest(
            @NotNull(message = "Biểu mẫu là bắt buộc.") JsonNode form) {}

    /** A dossier as its owner sees it. */
    record DossierView(
            UUID id,
            String code,
            String procedureCode,
            String agencyCode,
            Integer status,
            String statusLabel,
            JsonNode form,
            int version,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt,
            LocalDate appointmentDate,
            Instant completedAt,
            Instant returnedAt) {

        static DossierView of(Dossier d) {
            return new DossierView(
                    d.id(),
                    d.code(),
                    d.procedureCode(),
                    d.agencyCode(),
                    d.status() == null ? null : d.status().code(),
                    d.status() == null ? "Bản nháp" : d.status().label(),
                    d.form(),
                    d.version(),
                    d.createdAt(),
                    d.updatedAt(),
                    d.submittedAt(),
                    d.promisedDate(),
                    d.completedAt(),
                    d.returnedAt());
        }
    }

    record DossierDetail(
            DossierView dossier, List<Dossiers.HistoryLine> history, List<Attachment> attachments, JsonNode receipt) {}

    record DossierPage(List<DossierView> items, int page, int size, long total) {}

    @PostMapping("/api/portal/dossiers")
    ResponseEntity<DossierView> start(Caller caller, @Valid @RequestBody StartRequest request) {
        Dossier d = filing.start(Applicants.pid(caller), request.procedureCode(), request.form());
        return ResponseEntity.created(URI.create("/api/portal/dossiers/" + d.id()))
                .eTag(String.valueOf(d.version()))
                .body(DossierView.of(d));
    }

    @PutMapping("/api/portal/dossiers/{id}/form")
    ResponseEntity<DossierView> save(Caller caller, @PathVariable UUID id, @Valid @RequestBody SaveRequest request) {
        Dossier d = filing.save(id, Applicants.pid(caller), request.form());
        return ResponseEntity.ok().eTag(String.valueOf(d.version())).body(DossierView.of(d));
    }

    @PostMapping("/api/portal/dossiers/{id}/submission")
    ResponseEntity<JsonNode> submit(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ApiProblem.badField("invalid", "Idempotency-Key", "Khóa Idempotency-Key phải có từ 1 đến 100 ký tự.");
        }
        FileDossier.Submission s = filing.submit(id, Applicants.pid(caller), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/portal/dossiers/" + id + "/receipt"))
                .header("Idempotent-Replayed", String.valueOf(s.replayed()))
                .body(s.receipt());
    }

    @GetMapping("/api/portal/dossiers")
    DossierPage mine(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "trang bắt đầu từ 0") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "kích thước trang từ 1 đến 100")
                    @Max(value = 100, message = "kích thước trang từ 1 đến 100")
                    int size) {
        String pid = Applicants.pid(caller);
        return new DossierPage(
                dossiers.ofApplicant(pid, size, (long) page * size).stream()
                        .map(DossierView::of)
                        .toList(),
                page,
                size,
                dossiers.countOfApplicant(pid));
    }

    @GetMapping("/api/portal/dossiers/{id}")
    ResponseEntity<DossierDetail> get(Caller caller, @PathVariable UUID id) {
        Dossier d = Applicants.own(dossiers, id, Applicants.pid(caller));
        return ResponseEntity.ok()
                .eTag(String.valueOf(d.version()))
                .body(new DossierDetail(
                        DossierView.of(d),
                        dossiers.historyOf(id),
                        attachments.of(id),
                        receipts.of(id).orElse(null)));
    }

    @GetMapping("/api/portal/dossiers/{id}/receipt")
    JsonNode receipt(Caller caller, @PathVariable UUID id) {
        Applicants.own(dossiers, id, Applicants.pid(caller));
        return receipts.of(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND, "receipt-not-found", "Hồ sơ chưa nộp nên chưa có giấy tiếp nhận."));
    }
}
