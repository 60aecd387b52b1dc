package vn.egov.portal.catalogue.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.egov.portal.catalogue.Procedure;
import vn.egov.portal.catalogue.Procedures;

/**
 * The public catalogue of administrative procedures (danh mục thủ tục hành chính): anyone may read it, without a
 * token (path listed in {@code egov.security.public-paths}).
 */
@RestController
class ProcedureController {

    private final Procedures procedures;

    ProcedureController(Procedures procedures) {
        this.procedures = procedures;
    }

    /** One line of the list. */
    record ProcedureSummary(
            String code,
            String name,
            String fieldCode,
            String fieldName,
            String agencyCode,
            String agencyName,
            int level,
            boolean fullyOnline,
            String levelLabel,
            int timeLimitDays,
            boolean interAgency) {

        static ProcedureSummary of(Procedure p) {
            return new ProcedureSummary(
                    p.code(),
                    p.name(),
                    p.fieldCode(),
                    p.fieldName(),
                    p.agencyCode(),
                    p.agencyName(),
                    p.level(),
                    p.fullyOnline(),
                    p.levelLabel(),
                    p.timeLimitDays(),
                    p.interAgency());
        }
    }

    record ProcedurePage(List<ProcedureSummary> items, int page, int size, long total) {}

    /** Everything a citizen needs to file: documents, fees, the form's schema, the steps. */
    record ProcedureDetail(
            String code,
            String name,
            String fieldCode,
            String fieldName,
            String agencyCode,
            String agencyName,
            int level,
            boolean fullyOnline,
            String levelLabel,
            int timeLimitDays,
            JsonNode fees,
            JsonNode documents,
            JsonNode formSchema,
            List<String> prefilledFields,
            List<String> registryFields,
            JsonNode steps,
            boolean interAgency,
            String transferAgencyCode) {}

    @GetMapping("/api/portal/procedures")
    ProcedurePage list(
            @RequestParam(required = false) @Pattern(regexp = "[A-Z0-9-]{1,20}", message = "mã lĩnh vực không hợp lệ")
                    String field,
            @RequestParam(required = false)
                    @Pattern(regexp = "[0-9A-Z.]{5,30}", message = "mã cơ quan không đúng định dạng QCVN 102")
                    String agency,
            @RequestParam(required = false)
                    @Min(value = 3, message = "mức độ là 3 hoặc 4")
                    @Max(value = 4, message = "mức độ là 3 hoặc 4")
                    Integer level,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "trang bắt đầu từ 0") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "kích thước trang từ 1 đến 100")
                    @Max(value = 100, message = "kích thước trang từ 1 đến 100")
                    int size) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Procedures.Page result = procedures.search(new Procedures.Filter(field, agency, level, text), page, size);
        return new ProcedurePage(
                result.items().stream().map(ProcedureSummary::of).toList(), page, size, result.total());
    }

    @GetMapping("/api/portal/procedures/{code}")
    ProcedureDetail get(@PathVariable String code) {
        Procedure p = procedures.find(code).orElseThrow(() -> Procedures.notFound(code));
        return new ProcedureDetail(
                p.code(),
                p.name(),
                p.fieldCode(),
                p.fieldName(),
                p.agencyCode(),
                p.agencyName(),
                p.level(),
                p.fullyOnline(),
                p.levelLabel(),
                p.timeLimitDays(),
                p.fees(),
                p.documents(),
                p.formSchema(),
                List.copyOf(p.prefillMap().keySet()),
                p.registryFields(),
                p.steps(),
                p.interAgency(),
                p.transferAgencyCode());
    }
}
