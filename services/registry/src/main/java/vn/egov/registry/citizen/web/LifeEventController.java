package vn.egov.registry.citizen.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.registry.citizen.BirthDate;
import vn.egov.registry.citizen.ChangeCitizen;
import vn.egov.registry.citizen.Citizen;
import vn.egov.registry.citizen.RegisterBirth;
import vn.egov.registry.citizen.Relative;
import vn.egov.registry.citizen.Versions;
import vn.egov.registry.citizen.web.LifeEventRequests.BirthRequest;
import vn.egov.registry.citizen.web.LifeEventRequests.CorrectionRequest;
import vn.egov.registry.citizen.web.LifeEventRequests.DeathRequest;
import vn.egov.registry.citizen.web.LifeEventRequests.RelativeInput;
import vn.egov.registry.citizen.web.LifeEventRequests.ResidenceChangeRequest;

/**
 * The officers' desk for civil registration (role {@code officer}): register a birth, and record a change of
 * residence, a death or a correction with {@code If-Match}, in the officer's area only. A correction may also
 * clear optional fields ({@code clear}). Write answers carry the new ETag and no personal data.
 */
@RestController
@PreAuthorize("hasRole('officer')")
class LifeEventController {

    private final RegisterBirth births;
    private final ChangeCitizen changes;

    LifeEventController(RegisterBirth births, ChangeCitizen changes) {
        this.births = births;
        this.changes = changes;
    }

    @PostMapping("/api/registry/births")
    ResponseEntity<Map<String, Object>> registerBirth(Caller caller, @Valid @RequestBody BirthRequest r) {
        var declaration = new RegisterBirth.Declaration(
                r.fullName(),
                r.otherNames(),
                birthDate("dateOfBirth", r.dateOfBirth()),
                r.sex(),
                r.birthRegistrationCommune(),
                r.homeTown(),
                r.ethnicCode(),
                r.religion(),
                r.bloodType(),
                r.nationality(),
                relative(r.father()),
                relative(r.mother()),
                relative(r.representative()),
                r.household() == null ? null : r.household().number(),
                r.household() == null ? null : r.household().relationship(),
                r.permanentResidence() == null ? null : r.permanentResidence().communeCode(),
                r.permanentResidence() == null ? null : r.permanentResidence().addressLine());
        Citizen citizen = births.register(caller, declaration);
        return ResponseEntity.created(URI.create("/api/registry/citizens/" + citizen.pid() + "/record"))
                .eTag(Versions.etag(citizen.version()))
                .body(written(citizen));
    }

    @PostMapping("/api/registry/citizens/{pid}/residence-changes")
    ResponseEntity<Map<String, Object>> changeResidence(
            Caller caller,
            @PathVariable String pid,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ResidenceChangeRequest r) {
        int version = Versions.ifMatch(ifMatch);
        Citizen citizen = changes.changeResidence(
                caller, pid, version, r.kind(), r.communeCode(), r.addressLine(), r.validFrom());
        return ResponseEntity.ok().eTag(Versions.etag(citizen.version())).body(written(citizen));
    }

    @PostMapping("/api/registry/citizens/{pid}/death")
    ResponseEntity<Map<String, Object>> recordDeath(
            Caller caller,
            @PathVariable String pid,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DeathRequest r) {
        int version = Versions.ifMatch(ifMatch);
        Citizen citizen = changes.recordDeath(caller, pid, version, r.dateOfDeath());
        return ResponseEntity.ok().eTag(Versions.etag(citizen.version())).body(written(citizen));
    }

    @PostMapping("/api/registry/citizens/{pid}/corrections")
    ResponseEntity<Map<String, Object>> correct(
            Caller caller,
            @PathVariable String pid,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CorrectionRequest r) {
        Set<Citizen.ClearableField> cleared = cleared(r);
        int version = Versions.ifMatch(ifMatch);
        var correction = new Citizen.Correction(
                r.fullName(),
                r.otherNames(),
                r.dateOfBirth() == null ? null : birthDate("dateOfBirth", r.dateOfBirth()),
                r.sex(),
                r.homeTown(),
                r.ethnicCode(),
                r.religion(),
                r.bloodType(),
                r.nationality(),
                relative(r.father()),
                relative(r.mother()),
                relative(r.spouse()),
                relative(r.representative()),
                r.status(),
                cleared);
        Citizen citizen = changes.correct(caller, pid, version, correction, r.reason());
        var body = written(citizen);
        if (!citizen.pid().value().equals(pid)) {
            body.put("previousPid", pid);
        }
        return ResponseEntity.ok()
                .location(URI.create("/api/registry/citizens/" + citizen.pid() + "/record"))
                .eTag(Versions.etag(citizen.version()))
                .body(body);
    }

    /**
     * The fields {@code clear} names: each must be an optional field of the correction (400 {@code unknown-field}
     * otherwise), not a required one (422 {@code field-required}) and not also given a value in the same body
     * (400 {@code invalid}).
     */
    static Set<Citizen.ClearableField> cleared(CorrectionRequest r) {
        if (r.clear() == null || r.clear().isEmpty()) {
            return Set.of();
        }
        List<FieldProblem> unknown = new ArrayList<>();
        List<FieldProblem> required = new ArrayList<>();
        List<FieldProblem> conflicting = new ArrayList<>();
        Set<Citizen.ClearableField> cleared = EnumSet.noneOf(Citizen.ClearableField.class);
        for (String name : r.clear()) {
            if (Citizen.REQUIRED_FIELDS.contains(name)) {
                required.add(new FieldProblem(
                        name,
                        "Trường '" + name + "' là thông tin bắt buộc của công dân; chỉ sửa được, không xóa được."));
                continue;
            }
            var field = Citizen.ClearableField.byApiName(name);
            if (field.isEmpty()) {
                unknown.add(new FieldProblem("clear", "Không có trường '" + name + "' để xóa."));
                continue;
            }
            if (given(r, field.get())) {
                conflicting.add(new FieldProblem(
                        name, "Trường '" + name + "' vừa có giá trị mới vừa nằm trong danh sách xóa (clear)."));
                continue;
            }
            cleared.add(field.get());
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "unknown-field", "Danh sách xóa (clear) có trường không có.", unknown);
        }
        if (!conflicting.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Một trường không thể vừa được sửa vừa bị xóa trong cùng một lần điều chỉnh.",
                    conflicting);
        }
        if (!required.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "field-required",
                    "Không xóa được thông tin bắt buộc: "
                            + String.join(
                                    ", ",
                                    required.stream().map(FieldProblem::field).toList())
                            + ". Không có gì thay đổi.",
                    required);
        }
        return cleared;
    }

    private static boolean given(CorrectionRequest r, Citizen.ClearableField field) {
        Object value =
                switch (field) {
                    case OTHER_NAMES -> r.otherNames();
                    case HOME_TOWN -> r.homeTown();
                    case ETHNIC_CODE -> r.ethnicCode();
                    case RELIGION -> r.religion();
                    case BLOOD_TYPE -> r.bloodType();
                    case FATHER -> relative(r.father());
                    case MOTHER -> relative(r.mother());
                    case SPOUSE -> relative(r.spouse());
                    case REPRESENTATIVE -> relative(r.representative());
                };
        return value != null;
    }

    private static Map<String, Object> written(Citizen citizen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pid", citizen.pid().value());
        body.put("version", citizen.version());
        return body;
    }

    static BirthDate birthDate(String field, String text) {
        try {
            return BirthDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("invalid", field, "Ngày sinh không tồn tại: " + text + ".");
        }
    }

    static Relative relative(RelativeInput input) {
        if (input == null
                || (input.pid() == null && (input.name() == null || input.name().isBlank()))) {
            return null;
        }
        return new Relative(input.pid(), input.name());
    }
}
