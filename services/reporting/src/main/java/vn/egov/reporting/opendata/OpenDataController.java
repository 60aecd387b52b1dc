package vn.egov.reporting.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.kpi.KpiPeriods;
import vn.egov.reporting.period.ReportingPeriod;

/** The KPIs as open data, CSV and JSON, for anyone (no token). */
@RestController
class OpenDataController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final Pattern AGENCY = Pattern.compile("[0-9A-Z.]{1,35}");

    private final OpenKpis open;
    private final KpiPeriods periods;
    private final Clock clock;

    OpenDataController(OpenKpis open, KpiPeriods periods, Clock clock) {
        this.open = open;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping(path = "/api/reports/open-data/kpis.json", produces = MediaType.APPLICATION_JSON_VALUE)
    OpenKpis.Dataset json(
            @RequestParam(required = false) String period, @RequestParam(required = false) String agency) {
        return dataset(period, agency);
    }

    @GetMapping(path = "/api/reports/open-data/kpis.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String period, @RequestParam(required = false) String agency) {
        OpenKpis.Dataset data = dataset(period, agency);
        StringBuilder out = new StringBuilder(
                "period,from,to,agency,indicator,name,unit,value,numerator,denominator,target,met,suppressed\r\n");
        for (OpenKpis.Row r : data.rows()) {
            out.append(String.join(
                            ",",
                            r.period(),
                            r.from().toString(),
                            r.to().toString(),
                            text(r.agency()),
                            r.indicator().name(),
                            quoted(r.name()),
                            r.unit().name(),
                            text(r.value()),
                            text(r.numerator()),
                            text(r.denominator()),
                            text(r.target()),
                            text(r.met()),
                            Boolean.toString(r.suppressed())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", "inline; filename=\"kpis-" + data.period() + ".csv\"")
                .body(out.toString());
    }

    private OpenKpis.Dataset dataset(String period, String agency) {
        ReportingPeriod p = periods.parse(period, LocalDate.now(clock), "period");
        if (agency != null && !agency.isBlank() && !AGENCY.matcher(agency).matches()) {
            throw ApiProblem.badField(
                    "invalid-agency",
                    "agency",
                    "Mã cơ quan phải gồm chữ hoa, chữ số và dấu chấm, tối đa 35 ký tự (ví dụ 000.00.00.H57)");
        }
        return open.of(p, agency == null || agency.isBlank() ? null : agency);
    }

    private static String text(Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    /** RFC 4180: a field in double quotes, inner quotes doubled. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
