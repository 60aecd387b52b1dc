package vn.egov.registry.citizen.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.egov.registry.citizen.CitizenStatus;
import vn.egov.registry.citizen.HouseholdRelationship;
import vn.egov.registry.citizen.ResidenceKind;
import vn.egov.registry.pid.Sex;

/** Request bodies of the officers' life-event endpoints. */
final class LifeEventRequests {

    static final String DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";
    static final String PID = "\\d{12}";
    static final String COMMUNE = "\\d{2}-\\d{3}";

    private LifeEventRequests() {}

    record RelativeInput(
            @Pattern(regexp = PID, message = "Số định danh gồm 12 chữ số.")
            String pid,

            @Size(max = 200) String name) {}

    record HouseholdInput(
            @NotBlank @Pattern(regexp = "HK\\d{10}", message = "Số hộ có dạng HK và 10 chữ số.")
            String number,

            @NotNull HouseholdRelationship relationship) {}

    record AddressInput(
            @NotBlank @Pattern(regexp = COMMUNE, message = "Mã xã/phường có dạng 01-001.")
            String communeCode,

            @NotBlank @Size(max = 300) String addressLine) {}

    /** Tờ khai đăng ký khai sinh. */
    record BirthRequest(
            @NotBlank(message = "Họ, chữ đệm và tên là bắt buộc.") @Size(max = 200)
            String fullName,

            @Size(max = 200) String otherNames,

            @NotBlank(message = "Ngày sinh là bắt buộc.")
            @Pattern(regexp = DATE, message = "Ngày sinh có dạng yyyy, yyyy-MM hoặc yyyy-MM-dd.")
            String dateOfBirth,

            @NotNull(message = "Giới tính là bắt buộc.") Sex sex,

            @NotBlank(message = "Nơi đăng ký khai sinh là bắt buộc.")
            @Pattern(regexp = COMMUNE, message = "Mã xã/phường có dạng 01-001.")
            String birthRegistrationCommune,

            @Size(max = 200) String homeTown,

            @Pattern(regexp = "\\d{2}", message = "Mã dân tộc gồm 2 chữ số (01-54).")
            String ethnicCode,

            @Size(max = 100) String religion,

            @Pattern(regexp = "(A|B|AB|O)[+-]?", message = "Nhóm máu: A, B, AB, O (có thể kèm + hoặc -).")
            String bloodType,

            @Pattern(regexp = "[A-Z]{2}", message = "Quốc tịch theo mã ISO 3166-1 alpha-2.")
            String nationality,

            @Valid RelativeInput father,
            @Valid RelativeInput mother,
            @Valid RelativeInput representative,
            @Valid HouseholdInput household,
            @Valid AddressInput permanentResidence) {}

    /** Thay đổi nơi cư trú. */
    record ResidenceChangeRequest(
            @NotNull(message = "Loại cư trú là bắt buộc.") ResidenceKind kind,

            @NotBlank @Pattern(regexp = COMMUNE, message = "Mã xã/phường có dạng 01-001.")
            String communeCode,

            @NotBlank @Size(max = 300) String addressLine,
            @NotNull(message = "Ngày bắt đầu là bắt buộc.") LocalDate validFrom) {}

    /** Khai tử. */
    record DeathRequest(
            @NotNull(message = "Ngày chết là bắt buộc.") LocalDate dateOfDeath) {}

    /**
     * Điều chỉnh thông tin: fields left out (or null) keep their value; the optional fields named in {@code clear}
     * are removed.
     */
    record CorrectionRequest(
            @Size(min = 1, max = 200) String fullName,
            @Size(max = 200) String otherNames,

            @Pattern(regexp = DATE, message = "Ngày sinh có dạng yyyy, yyyy-MM hoặc yyyy-MM-dd.")
            String dateOfBirth,

            Sex sex,
            @Size(max = 200) String homeTown,

            @Pattern(regexp = "\\d{2}", message = "Mã dân tộc gồm 2 chữ số (01-54).")
            String ethnicCode,

            @Size(max = 100) String religion,

            @Pattern(regexp = "(A|B|AB|O)[+-]?", message = "Nhóm máu: A, B, AB, O (có thể kèm + hoặc -).")
            String bloodType,

            @Pattern(regexp = "[A-Z]{2}", message = "Quốc tịch theo mã ISO 3166-1 alpha-2.")
            String nationality,

            @Valid RelativeInput father,
            @Valid RelativeInput mother,
            @Valid RelativeInput spouse,
            @Valid RelativeInput representative,
            CitizenStatus status,

            @Size(max = 20) List<@NotBlank(message = "Tên trường cần xóa không được để trống.") String> clear,

            @NotBlank(message = "Lý do điều chỉnh là bắt buộc.") @Size(max = 500)
            String reason) {}
}
