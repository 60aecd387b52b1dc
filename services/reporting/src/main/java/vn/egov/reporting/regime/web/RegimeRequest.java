package vn.egov.reporting.regime.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.egov.reporting.regime.Aggregation;
import vn.egov.reporting.regime.IndicatorType;
import vn.egov.reporting.regime.RegimeFrequency;

/** A regime as a platform administrator creates or replaces it. */
record RegimeRequest(
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "Mã chế độ báo cáo gồm chữ in hoa, số, '_' (2–40 ký tự).")
        String code,

        @NotBlank(message = "Tên chế độ báo cáo là bắt buộc.") @Size(max = 300)
        String name,

        @NotBlank(message = "Căn cứ pháp lý là bắt buộc.") @Size(max = 500)
        String legalBasis,

        @NotNull(message = "Tần suất là bắt buộc (MONTH, QUARTER, HALF_YEAR, YEAR, AD_HOC).")
        RegimeFrequency frequency,

        Integer deadlineDay,

        @NotNull(message = "Cơ quan nhận báo cáo là bắt buộc.")
        @Pattern(regexp = AGENCY_CODE, message = AGENCY_CODE_MESSAGE)
        String receivingAgency,

        @NotEmpty(message = "Cần ít nhất một cơ quan thực hiện báo cáo.")
        List<@Valid Agency> agencies,

        List<@NotBlank(message = "Mục của đề cương không được để trống.") String> outline,

        @NotEmpty(message = "Cần ít nhất một biểu mẫu số liệu.")
        List<@Valid Table> tables,

        List<@Valid AdHocPeriod> periods) {

    /** QCVN 102:2016 organisation code, e.g. {@code 000.00.00.G22}. */
    static final String AGENCY_CODE = "[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}";

    static final String AGENCY_CODE_MESSAGE = "Mã định danh cơ quan không đúng QCVN 102 (ví dụ 000.00.00.G22).";

    record Agency(
            @NotNull(message = "Mã cơ quan là bắt buộc.") @Pattern(regexp = AGENCY_CODE, message = AGENCY_CODE_MESSAGE)
            String code,

            @NotBlank(message = "Tên cơ quan là bắt buộc.") @Size(max = 300)
            String name,

            @Email(message = "Địa chỉ thư điện tử không hợp lệ.") @Size(max = 200)
            String email) {}

    record Table(
            @NotNull(message = "Mã biểu là bắt buộc.")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "Mã biểu gồm chữ in hoa, số, '_' (2–40 ký tự).")
            String code,

            @NotBlank(message = "Tên biểu là bắt buộc.") @Size(max = 300)
            String title,

            @NotEmpty(message = "Biểu cần ít nhất một chỉ tiêu.")
            List<@Valid IndicatorSpec> indicators) {}

    record IndicatorSpec(
            @NotNull(message = "Mã chỉ tiêu là bắt buộc.")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}", message = "Mã chỉ tiêu gồm chữ in hoa, số, '_' (2–60 ký tự).")
            String code,

            @NotBlank(message = "Tên chỉ tiêu là bắt buộc.") @Size(max = 300)
            String name,

            @Size(max = 50) String unit,

            @NotNull(message = "Kiểu dữ liệu là bắt buộc (INTEGER, DECIMAL, PERCENT, TEXT, BOOLEAN).")
            IndicatorType type,

            Boolean required,
            BigDecimal min,
            BigDecimal max,

            @PositiveOrZero(message = "Độ dài tối đa không được âm.")
            Integer maxLength,

            @NotNull(message = "Cách tổng hợp là bắt buộc (SUM, AVERAGE, MAX, NONE).")
            Aggregation aggregation) {}

    record AdHocPeriod(
            @NotNull(message = "Nhãn đợt báo cáo là bắt buộc.")
            @Pattern(regexp = "[0-9A-Za-z._-]{1,40}", message = "Nhãn đợt báo cáo gồm chữ, số, '.', '_', '-'.")
            String period,

            @NotNull(message = "Ngày bắt đầu là bắt buộc.") LocalDate from,
            @NotNull(message = "Ngày kết thúc là bắt buộc.") LocalDate to,

            @NotNull(message = "Hạn gửi báo cáo là bắt buộc.")
            LocalDate deadline) {}
}
