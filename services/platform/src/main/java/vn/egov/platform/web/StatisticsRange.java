package vn.egov.platform.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A range of whole days in Vietnam time (both ends included) for the services' own statistics endpoints, with
 * an optional organisation code to filter on; checked field by field (400 naming {@code to} or the code's
 * parameter).
 *
 * @param start the first instant of {@code from}
 * @param end the first instant after {@code to}
 */
public record StatisticsRange(OffsetDateTime start, OffsetDateTime end) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int MAX_DAYS = 400;

    /**
     * @param codeParameter the name of the organisation-code parameter, for the error
     * @param code the organisation code, or null for all
     */
    public static StatisticsRange of(LocalDate from, LocalDate to, String codeParameter, String code) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Khoảng thời gian không hợp lệ.",
                    List.of(new FieldProblem(
                            "to", "Ngày kết thúc phải từ ngày bắt đầu đến tối đa " + MAX_DAYS + " ngày sau đó.")));
        }
        if (code != null && !code.matches("[0-9A-Z.]{1,35}")) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Mã cơ quan không hợp lệ.",
                    List.of(new FieldProblem(codeParameter, "Mã định danh cơ quan theo QCVN 102:2016.")));
        }
        return new StatisticsRange(
                from.atStartOfDay(VIETNAM).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
    }
}
