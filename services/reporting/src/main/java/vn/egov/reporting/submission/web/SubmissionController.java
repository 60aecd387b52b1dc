package vn.egov.reporting.submission.web;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;
import vn.egov.reporting.submission.FileReport;
import vn.egov.reporting.submission.Submission;
import vn.egov.reporting.submission.Submissions;

/**
 * Gửi và xem báo cáo: a {@code reporter} files its agency's report for a period ({@code POST}); the filing
 * agency's reporters, the receiving agency's reporters, auditors and platform administrators read the version
 * that counts and the history ({@code GET …/submissions/{agency}}).
 */
@RestController
class SubmissionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final FileReport fileReport;
    private final Regimes regimes;
    private final Submissions submissions;

    SubmissionController(FileReport fileReport, Regimes regimes, Submissions submissions) {
        this.fileReport = fileReport;
        this.regimes = regimes;
        this.submissions = submissions;
    }

    record FileRequest(
            String agencyCode,
            JsonNode values,
            @Size(max = 4000) String note) {}

    @PostMapping("/api/reports/regimes/{code}/periods/{period}/submissions")
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<Submission> file(
            @PathVariable String code,
            @PathVariable String period,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestBody FileRequest request,
            Caller caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiProblem.badField("invalid", IDEMPOTENCY_KEY, "Khóa phải có từ 1 đến 200 ký tự.");
        }
        if (request.note() != null && request.note().length() > 4000) {
            throw ApiProblem.badField("invalid", "note", "Ghi chú dài quá 4000 ký tự.");
        }
        FileReport.Filed filed = fileReport.file(
                code,
                period,
                caller,
                new FileReport.Report(request.agencyCode(), request.values(), request.note()),
                idempotencyKey);
        Submission s = filed.submission();
        if (filed.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(s);
        }
        return ResponseEntity.created(URI.create("/api/reports/regimes/" + s.regime() + "/periods/" + s.period()
                        + "/submissions/" + s.agencyCode()))
                .body(s);
    }

    /** The version that counts and every version, newest first. */
    record AgencyReport(
            String regime,
            String period,
            String agencyCode,
            String agencyName,
            LocalDate deadline,
            Submission current,
            List<Submission> history) {}

    @GetMapping("/api/reports/regimes/{code}/periods/{period}/submissions/{agency}")
    AgencyReport read(
            @PathVariable String code, @PathVariable String period, @PathVariable String agency, Caller caller) {
        Regime regime = regimes.find(code).orElseThrow(() -> FileReport.regimeNotFound(code));
        ReportingPeriod p = regime.period(period).orElseThrow(() -> FileReport.periodNotFound(regime, period));
        boolean overseer = caller.hasRole(EgovRoles.PLATFORM_ADMIN) || caller.hasRole(EgovRoles.AUDITOR);
        boolean reporter = caller.hasRole(EgovRoles.REPORTER)
                && (agency.equals(caller.agencyCode())
                        || regime.receivingAgency().equals(caller.agencyCode()));
        if (!overseer && !reporter) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "not-own-agency",
                    "Chỉ cơ quan gửi, cơ quan nhận báo cáo, kiểm toán viên và quản trị nền tảng được xem báo cáo này.");
        }
        List<Submission> history = submissions.history(regime.code(), p.period(), agency);
        if (history.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "submission-not-found",
                    "Cơ quan " + agency + " chưa gửi báo cáo " + regime.code() + " kỳ " + p.period() + ".");
        }
        return new AgencyReport(
                regime.code(),
                p.period(),
                agency,
                regime.agency(agency).map(a -> a.name()).orElse(null),
                p.deadline(),
                history.getFirst(),
                history);
    }
}
