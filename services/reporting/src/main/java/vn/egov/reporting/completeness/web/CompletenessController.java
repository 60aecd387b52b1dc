package vn.egov.reporting.completeness.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.security.Caller;
import vn.egov.platform.security.EgovRoles;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.completeness.Completeness;
import vn.egov.reporting.completeness.FilingCompleteness;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;
import vn.egov.reporting.submission.FileReport;

/**
 * {@code GET /api/reports/completeness?regime=TTHC_THANG&period=2026-11}: who filed on time, who filed late, who
 * has not filed. Platform administrators, auditors and reporters of the receiving agency see every agency; a
 * reporter of a reporting agency sees its own row.
 */
@RestController
class CompletenessController {

    private final Regimes regimes;
    private final FilingCompleteness completeness;

    CompletenessController(Regimes regimes, FilingCompleteness completeness) {
        this.regimes = regimes;
        this.completeness = completeness;
    }

    @GetMapping("/api/reports/completeness")
    Completeness completeness(@RequestParam String regime, @RequestParam String period, Caller caller) {
        Regime r = regimes.find(regime).orElseThrow(() -> FileReport.regimeNotFound(regime));
        ReportingPeriod p = r.period(period).orElseThrow(() -> FileReport.periodNotFound(r, period));
        if (caller.hasRole(EgovRoles.PLATFORM_ADMIN) || caller.hasRole(EgovRoles.AUDITOR)) {
            return completeness.of(r, p);
        }
        String agency = caller.agencyCode();
        if (caller.hasRole(EgovRoles.REPORTER) && agency != null) {
            if (agency.equals(r.receivingAgency())) {
                return completeness.of(r, p);
            }
            if (r.agency(agency).isPresent()) {
                return completeness.of(r, p).only(agency);
            }
        }
        throw new ApiProblem(
                HttpStatus.FORBIDDEN,
                "not-own-agency",
                "Chỉ cơ quan nhận báo cáo, cơ quan thực hiện báo cáo, kiểm toán viên và quản trị nền tảng được xem"
                        + " tình hình gửi báo cáo của chế độ " + r.code() + ".");
    }
}
