package vn.egov.reporting.regime.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.reporting.period.ReportingPeriod;
import vn.egov.reporting.regime.AssignedAgency;
import vn.egov.reporting.regime.DataTable;
import vn.egov.reporting.regime.Indicator;
import vn.egov.reporting.regime.IndicatorType;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.RegimeFrequency;
import vn.egov.reporting.regime.Regimes;

/**
 * Chế độ báo cáo: any backbone role reads them ({@code GET /api/reports/regimes}, {@code …/{code}}); platform
 * administrators create ({@code POST}) and replace ({@code PUT}) them.
 */
@RestController
class RegimeController {

    private final Regimes regimes;

    RegimeController(Regimes regimes) {
        this.regimes = regimes;
    }

    @GetMapping("/api/reports/regimes")
    List<Regime> all() {
        return regimes.all();
    }

    @GetMapping("/api/reports/regimes/{code}")
    Regime one(@PathVariable String code) {
        return regimes.find(code).orElseThrow(() -> notFound(code));
    }

    @PostMapping("/api/reports/regimes")
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    ResponseEntity<Regime> create(@Valid @RequestBody RegimeRequest request) {
        if (request.code() == null) {
            throw ApiProblem.badField("invalid", "code", "Mã chế độ báo cáo là bắt buộc.");
        }
        Regime regime = toRegime(request.code(), request);
        if (regimes.exists(regime.code())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "regime-exists",
                    "Đã có chế độ báo cáo mã " + regime.code() + ".",
                    List.of(new FieldProblem("code", "Mã đã được dùng.")));
        }
        regimes.add(regime);
        return ResponseEntity.created(URI.create("/api/reports/regimes/" + regime.code()))
                .body(regimes.find(regime.code()).orElseThrow());
    }

    @PutMapping("/api/reports/regimes/{code}")
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    Regime replace(@PathVariable String code, @Valid @RequestBody RegimeRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ApiProblem.badField("invalid", "code", "Mã trong nội dung khác mã trên đường dẫn (" + code + ").");
        }
        if (!regimes.exists(code)) {
            throw notFound(code);
        }
        regimes.replace(toRegime(code, request));
        return regimes.find(code).orElseThrow();
    }

    static ApiProblem notFound(String code) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "regime-not-found", "Không có chế độ báo cáo mã " + code + ".");
    }

    /** The checks across fields that annotations cannot express; every problem is named, none is stored. */
    private static Regime toRegime(String code, RegimeRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ReportingPeriod> periods = new ArrayList<>();
        if (r.frequency() == RegimeFrequency.AD_HOC) {
            if (r.deadlineDay() != null) {
                problems.add(new FieldProblem(
                        "deadlineDay", "Chế độ báo cáo đột xuất đặt hạn theo từng đợt (periods), không theo ngày."));
            }
            if (r.periods() == null || r.periods().isEmpty()) {
                problems.add(new FieldProblem("periods", "Chế độ báo cáo đột xuất cần ít nhất một đợt báo cáo."));
            } else {
                Set<String> labels = new HashSet<>();
                for (int i = 0; i < r.periods().size(); i++) {
                    RegimeRequest.AdHocPeriod p = r.periods().get(i);
                    if (!labels.add(p.period())) {
                        problems.add(new FieldProblem("periods[" + i + "].period", "Nhãn đợt bị trùng."));
                    }
                    if (p.from().isAfter(p.to())) {
                        problems.add(new FieldProblem("periods[" + i + "].to", "Ngày kết thúc trước ngày bắt đầu."));
                    } else if (!p.deadline().isAfter(p.to())) {
                        problems.add(new FieldProblem(
                                "periods[" + i + "].deadline", "Hạn gửi phải sau ngày chốt số liệu (to)."));
                    }
                    periods.add(new ReportingPeriod(p.period(), null, p.from(), p.to(), p.deadline()));
                }
            }
        } else if (r.frequency() != null) {
            if (r.deadlineDay() == null || r.deadlineDay() < 15 || r.deadlineDay() > 28) {
                problems.add(new FieldProblem(
                        "deadlineDay",
                        "Hạn gửi là một ngày từ 15 đến 28 của tháng cuối kỳ (sau ngày chốt số liệu 14)."));
            }
            if (r.periods() != null && !r.periods().isEmpty()) {
                problems.add(new FieldProblem(
                        "periods", "Chế độ báo cáo định kỳ lấy kỳ theo Nghị định 09/2019, không liệt kê đợt."));
            }
        }
        Set<String> agencyCodes = new HashSet<>();
        List<AssignedAgency> agencies = new ArrayList<>();
        for (int i = 0; i < r.agencies().size(); i++) {
            RegimeRequest.Agency a = r.agencies().get(i);
            if (!agencyCodes.add(a.code())) {
                problems.add(new FieldProblem("agencies[" + i + "].code", "Cơ quan bị trùng."));
            }
            agencies.add(new AssignedAgency(a.code(), a.name(), a.email()));
        }
        Set<String> tableCodes = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        List<DataTable> tables = new ArrayList<>();
        for (int t = 0; t < r.tables().size(); t++) {
            RegimeRequest.Table table = r.tables().get(t);
            if (!tableCodes.add(table.code())) {
                problems.add(new FieldProblem("tables[" + t + "].code", "Mã biểu bị trùng."));
            }
            List<Indicator> indicators = new ArrayList<>();
            for (int i = 0; i < table.indicators().size(); i++) {
                RegimeRequest.IndicatorSpec s = table.indicators().get(i);
                String field = "tables[" + t + "].indicators[" + i + "]";
                if (!indicatorCodes.add(s.code())) {
                    problems.add(new FieldProblem(field + ".code", "Mã chỉ tiêu bị trùng trong chế độ báo cáo."));
                }
                checkRules(s, field, problems);
                indicators.add(new Indicator(
                        s.code(),
                        s.name(),
                        s.unit(),
                        s.type(),
                        Boolean.TRUE.equals(s.required()),
                        s.min(),
                        s.max(),
                        s.maxLength(),
                        s.aggregation()));
            }
            tables.add(new DataTable(table.code(), table.title(), indicators));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid", "Chế độ báo cáo chưa hợp lệ.", problems);
        }
        return new Regime(
                code,
                r.name(),
                r.legalBasis(),
                r.frequency(),
                r.frequency() == RegimeFrequency.AD_HOC ? null : r.deadlineDay(),
                r.receivingAgency(),
                agencies,
                r.outline() == null ? List.of() : r.outline(),
                tables,
                periods,
                1,
                null);
    }

    private static void checkRules(RegimeRequest.IndicatorSpec s, String field, List<FieldProblem> problems) {
        boolean numeric = s.type() == IndicatorType.INTEGER
                || s.type() == IndicatorType.DECIMAL
                || s.type() == IndicatorType.PERCENT;
        if (!numeric && (s.min() != null || s.max() != null)) {
            problems.add(new FieldProblem(field + ".min", "Chỉ chỉ tiêu kiểu số có giá trị tối thiểu/tối đa."));
        }
        if (s.min() != null && s.max() != null && s.min().compareTo(s.max()) > 0) {
            problems.add(new FieldProblem(field + ".max", "Giá trị tối đa nhỏ hơn giá trị tối thiểu."));
        }
        if (s.maxLength() != null && s.type() != IndicatorType.TEXT) {
            problems.add(new FieldProblem(field + ".maxLength", "Chỉ chỉ tiêu kiểu văn bản có độ dài tối đa."));
        }
        if (!numeric && s.aggregation() != null && s.aggregation() != vn.egov.reporting.regime.Aggregation.NONE) {
            problems.add(new FieldProblem(
                    field + ".aggregation", "Chỉ tiêu không phải kiểu số chỉ dùng cách tổng hợp NONE."));
        }
    }
}
