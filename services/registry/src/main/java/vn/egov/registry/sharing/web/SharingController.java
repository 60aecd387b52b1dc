package vn.egov.registry.sharing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.registry.citizen.BirthDate;
import vn.egov.registry.citizen.Versions;
import vn.egov.registry.pid.Sex;
import vn.egov.registry.sharing.Purposes;
import vn.egov.registry.sharing.ReadCitizen;
import vn.egov.registry.sharing.VerifyIdentity;

/** Purpose-bound reads, identity verification and the catalogue of purposes. */
@RestController
class SharingController {

    private final ReadCitizen reads;
    private final VerifyIdentity verifications;
    private final Purposes purposes;

    SharingController(ReadCitizen reads, VerifyIdentity verifications, Purposes purposes) {
        this.reads = reads;
        this.verifications = verifications;
        this.purposes = purposes;
    }

    /** Exactly the fields agreed (or consented) for the caller and purpose; 403 naming what is missing. */
    @GetMapping("/api/registry/citizens/{pid}")
    ResponseEntity<Map<String, Object>> read(
            Caller caller,
            @PathVariable String pid,
            @RequestParam String purpose,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) String reference) {
        List<String> requested = fields == null || fields.isBlank()
                ? null
                : Arrays.stream(fields.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        ReadCitizen.Released released = reads.forPurpose(caller, pid, purpose, requested, reference);
        return ResponseEntity.ok()
                .eTag(Versions.etag(released.version()))
                .header("Cache-Control", "no-store")
                .body(released.body());
    }

    /** An officer of civil registration reads the whole record, with the ETag its life events need. */
    @GetMapping("/api/registry/citizens/{pid}/record")
    @PreAuthorize("hasRole('officer')")
    ResponseEntity<Map<String, Object>> record(Caller caller, @PathVariable String pid) {
        ReadCitizen.Released released = reads.record(caller, pid);
        return ResponseEntity.ok()
                .eTag(Versions.etag(released.version()))
                .header("Cache-Control", "no-store")
                .body(released.body());
    }

    /** Officers find people by name, without diacritics or case: {@code ?name=nguyen van an&birthYear=1999}. */
    @GetMapping("/api/registry/citizens")
    @PreAuthorize("hasRole('officer')")
    List<Map<String, Object>> search(
            Caller caller,
            @RequestParam @Size(min = 2, max = 100) String name,
            @RequestParam(required = false) @Min(1850) @Max(2399) Integer birthYear,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
        return reads.searchByName(caller, name, birthYear, limit);
    }

    record VerificationRequest(
            @NotBlank(message = "Số định danh là bắt buộc.")
            @Pattern(regexp = "\\d{12}", message = "Số định danh cá nhân phải gồm đúng 12 chữ số.")
            String pid,

            @Size(max = 200) String fullName,

            @Pattern(
                    regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?",
                    message = "Ngày sinh có dạng yyyy, yyyy-MM hoặc yyyy-MM-dd.")
            String dateOfBirth,

            Sex sex,
            @Size(max = 100) String reference) {}

    /** Match or no match, never data. */
    @PostMapping("/api/registry/verifications")
    VerifyIdentity.Answer verify(Caller caller, @Valid @RequestBody VerificationRequest request) {
        if (request.fullName() == null && request.dateOfBirth() == null && request.sex() == null) {
            throw ApiProblem.badField(
                    "invalid", "body", "Cần ít nhất một thông tin để đối chiếu: fullName, dateOfBirth hoặc sex.");
        }
        BirthDate dob;
        try {
            dob = request.dateOfBirth() == null ? null : BirthDate.parse(request.dateOfBirth());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("invalid", "dateOfBirth", "Ngày sinh không tồn tại: " + request.dateOfBirth());
        }
        return verifications.verify(
                caller,
                new VerifyIdentity.Claim(request.pid(), request.fullName(), dob, request.sex(), request.reference()));
    }

    @GetMapping("/api/registry/purposes")
    List<Purposes.Purpose> purposes() {
        return purposes.all();
    }
}
