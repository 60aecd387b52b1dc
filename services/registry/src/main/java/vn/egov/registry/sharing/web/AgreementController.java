package vn.egov.registry.sharing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.sharing.Agreements;
import vn.egov.registry.sharing.CitizenField;
import vn.egov.registry.sharing.Purposes;

/**
 * Thỏa thuận chia sẻ dữ liệu, managed by platform administrators (role {@code platform-admin}; auditors may
 * read them): who may read which fields for which purpose. Terminating keeps the row with its end date.
 */
@RestController
class AgreementController {

    record AgreementRequest(
            @Size(max = 100) String clientId,

            @Pattern(regexp = "[0-9A-Z.]{2,20}", message = "Mã định danh cơ quan không hợp lệ.")
            String agencyCode,

            @NotBlank(message = "Mục đích là bắt buộc.") String purposeCode,

            @NotEmpty(message = "Cần ít nhất một trường dữ liệu.")
            List<String> fields,

            @NotBlank(message = "Căn cứ pháp lý là bắt buộc.") @Size(max = 300)
            String legalReference) {}

    private final Agreements agreements;
    private final Purposes purposes;

    AgreementController(Agreements agreements, Purposes purposes) {
        this.agreements = agreements;
        this.purposes = purposes;
    }

    @GetMapping("/api/registry/agreements")
    @PreAuthorize("hasAnyRole('platform-admin', 'auditor')")
    List<Agreements.Agreement> all() {
        return agreements.all();
    }

    @PostMapping("/api/registry/agreements")
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    ResponseEntity<Agreements.Agreement> create(@Valid @RequestBody AgreementRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((request.clientId() == null || request.clientId().isBlank()) && request.agencyCode() == null) {
            problems.add(new FieldProblem("clientId", "Cần mã ứng dụng (clientId) hoặc mã cơ quan (agencyCode)."));
        }
        purposes.find(request.purposeCode())
                .ifPresentOrElse(
                        p -> {
                            if (p.needsCitizenConsent()) {
                                problems.add(new FieldProblem(
                                        "purposeCode",
                                        "Mục đích '" + p.code()
                                                + "' dựa trên sự đồng ý của công dân, không dựa trên thỏa thuận."));
                            }
                        },
                        () -> problems.add(new FieldProblem(
                                "purposeCode", "Mục đích '" + request.purposeCode() + "' không có trong danh mục.")));
        Set<CitizenField> fields = EnumSet.noneOf(CitizenField.class);
        for (String name : request.fields()) {
            CitizenField.byApiName(name)
                    .ifPresentOrElse(
                            fields::add,
                            () -> problems.add(new FieldProblem("fields", "Không có trường '" + name + "'.")));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "invalid", "Thỏa thuận chia sẻ dữ liệu chưa hợp lệ.", problems);
        }
        UUID id = agreements.add(
                request.clientId() == null || request.clientId().isBlank() ? null : request.clientId(),
                request.agencyCode(),
                request.purposeCode(),
                fields,
                request.legalReference());
        return ResponseEntity.created(URI.create("/api/registry/agreements/" + id))
                .body(agreements.find(id).orElseThrow());
    }

    /** Chấm dứt thỏa thuận: reads under it stop at once; the agreement stays on record with its end date. */
    @DeleteMapping("/api/registry/agreements/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    Agreements.Agreement terminate(@PathVariable UUID id) {
        agreements
                .find(id)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "agreement-not-found",
                        "Không có thỏa thuận chia sẻ dữ liệu mã " + id + "."));
        agreements.terminate(id);
        return agreements.find(id).orElseThrow();
    }
}
