package vn.egov.reporting.regime.web;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.reporting.regime.Regime;
import vn.egov.reporting.regime.Regimes;

/**
 * Kiểm tra số liệu báo cáo — a utility for any authenticated caller, integrators' systems included: checks a
 * report's values against a regime's indicators without filing anything, with the same reasons a filing gets.
 */
@RestController
class ValidationController {

    private final Regimes regimes;

    ValidationController(Regimes regimes) {
        this.regimes = regimes;
    }

    record ValidationRequest(JsonNode values) {}

    /** {@code valid} and, when not, one entry per indicator at fault ({@code values.<CODE>}). */
    record ValidationResult(String regime, boolean valid, List<FieldProblem> errors) {}

    @PostMapping("/api/reports/regimes/{code}/validation")
    ValidationResult validate(@PathVariable String code, @RequestBody ValidationRequest request) {
        Regime regime = regimes.find(code).orElseThrow(() -> RegimeController.notFound(code));
        if (request.values() == null || !request.values().isObject()) {
            throw ApiProblem.badField("invalid", "values", "Cần một đối tượng JSON: mã chỉ tiêu → giá trị.");
        }
        List<FieldProblem> errors = regime.check(request.values()).entrySet().stream()
                .map(e -> new FieldProblem(e.getKey(), e.getValue()))
                .toList();
        return new ValidationResult(regime.code(), errors.isEmpty(), errors);
    }
}
