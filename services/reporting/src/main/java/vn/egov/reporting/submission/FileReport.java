package vn.egov.reporting.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;

/**
 * Gửi báo cáo — a reporter files its agency's report for a regime's period. The period opens the day after its
 * data cut-off window ends; filing after the deadline is accepted and recorded as late, until the period closes
 * {@code egov.reporting.late-filing-days} (default 90) days after the deadline. Each accepted filing is a new
 * version (a correction keeps the earlier ones); a repeated request with the same {@code Idempotency-Key} and
 * content answers the version it created, and nothing else is stored.
 */
@Service
public class FileReport {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Regimes regimes;
    private final Submissions submissions;
    private final JsonMapper json;
    private final Clock clock;
    private final int lateFilingDays;

    public FileReport(
            Regimes regimes,
            Submissions submissions,
            JsonMapper json,
            Clock clock,
            @Value("${egov.reporting.late-filing-days:90}") int lateFilingDays) {
        this.regimes = regimes;
        this.submissions = submissions;
        this.json = json;
        this.clock = clock;
        this.lateFilingDays = lateFilingDays;
    }

    /** What a filing request carries: the values per indicator code, an optional note, optionally the agency. */
    public record Report(String agencyCode, JsonNode values, String note) {}

    /** The version that counts after the request, and whether it was an idempotent replay. */
    public record Filed(Submission submission, boolean replayed) {}

    @Transactional
    public Filed file(String regimeCode, String label, Caller caller, Report report, String idempotencyKey) {
        Regime regime = regimes.find(regimeCode).orElseThrow(() -> regimeNotFound(regimeCode));
        ReportingPeriod period = regime.period(label).orElseThrow(() -> periodNotFound(regime, label));
        String agency = caller.agencyCode();
        if (agency == null || agency.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "no-agency", "Tài khoản không gắn với cơ quan nào (thiếu agency_code).");
        }
        if (report.agencyCode() != null && !report.agencyCode().equals(agency)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "other-agency",
                    "Chỉ được gửi báo cáo của cơ quan mình (" + agency + ").",
                    List.of(new FieldProblem("agencyCode", "Khác cơ quan của người gửi (" + agency + ").")));
        }
        if (regime.agency(agency).isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "agency-not-assigned",
                    "Cơ quan " + agency + " không thuộc đối tượng thực hiện chế độ báo cáo " + regime.code() + ".");
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(period.to())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "period-not-open",
                    "Kỳ báo cáo " + period.period() + " chốt số liệu đến hết ngày "
                            + period.to().format(DAY) + "; nhận báo cáo từ ngày "
                            + period.to().plusDays(1).format(DAY) + ".");
        }
        if (today.isAfter(period.deadline().plusDays(lateFilingDays))) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "period-closed",
                    "Kỳ báo cáo " + period.period() + " đã đóng ngày "
                            + period.deadline().plusDays(lateFilingDays).format(DAY) + " (hạn gửi "
                            + period.deadline().format(DAY) + ").");
        }
        if (report.values() == null || !report.values().isObject()) {
            throw ApiProblem.badField("invalid", "values", "Cần một đối tượng JSON: mã chỉ tiêu → giá trị.");
        }
        Map<String, String> invalid = regime.check(report.values());
        if (!invalid.isEmpty()) {
            List<FieldProblem> errors = new ArrayList<>();
            invalid.forEach((field, reason) -> errors.add(new FieldProblem(field, reason)));
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid-values",
                    "Số liệu báo cáo không hợp lệ: " + errors.size() + " chỉ tiêu cần sửa.",
                    errors);
        }
        submissions.lock(regime.code(), period.period(), agency);
        if (idempotencyKey != null) {
            var previous = submissions.byKey(
                    regime.code(),
                    period.period(),
                    agency,
                    idempotencyKey,
                    json.writeValueAsString(report.values()),
                    report.note());
            if (previous.isPresent()) {
                if (!previous.get().samePayload()) {
                    throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Khóa Idempotency-Key này đã dùng cho một báo cáo có nội dung khác.",
                            List.of(new FieldProblem("Idempotency-Key", "Đã dùng cho nội dung khác.")));
                }
                return new Filed(previous.get().submission(), true);
            }
        }
        Submission submission = new Submission(
                UUID.randomUUID(),
                regime.code(),
                period.period(),
                agency,
                submissions.latestVersion(regime.code(), period.period(), agency) + 1,
                report.values(),
                report.note(),
                caller.username() != null ? caller.username() : caller.subject(),
                clock.instant(),
                period.deadline(),
                today.isAfter(period.deadline()),
                "API");
        submissions.add(submission, idempotencyKey);
        return new Filed(submission, false);
    }

    public static ApiProblem regimeNotFound(String code) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "regime-not-found", "Không có chế độ báo cáo mã " + code + ".");
    }

    public static ApiProblem periodNotFound(Regime regime, String label) {
        String expected =
                switch (regime.frequency()) {
                    case MONTH -> "dạng 2026-11";
                    case QUARTER -> "dạng 2026-Q4";
                    case HALF_YEAR -> "dạng 2026-H2";
                    case YEAR -> "dạng 2026";
                    case AD_HOC -> "một đợt của chế độ báo cáo";
                };
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "period-not-found",
                "Chế độ báo cáo " + regime.code() + " không có kỳ " + label + " (kỳ " + expected + ").");
    }
}
