package vn.egov.reporting.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.egov.reporting.kpi.Indicator;
import vn.egov.reporting.kpi.KpiFigure;
import vn.egov.reporting.kpi.KpiProperties;
import vn.egov.reporting.kpi.KpiReport;
import vn.egov.reporting.kpi.Kpis;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * Dữ liệu mở — the KPIs as open data: aggregated figures per agency and for the whole country, nothing about a
 * person, dossier or document. A figure resting on a count from 1 to {@code threshold − 1} (default 5) is
 * suppressed: its value and counts are left out and it is marked {@code suppressed}, so that no small group can
 * be singled out. Zero is not suppressed (it discloses no one).
 */
@Component
public class OpenKpis {

    /** One row: one indicator of one agency (null: national) in one period. */
    public record Row(
            String period,
            LocalDate from,
            LocalDate to,
            String agency,
            Indicator indicator,
            String name,
            Indicator.Unit unit,
            BigDecimal value,
            Long numerator,
            Long denominator,
            Double target,
            Boolean met,
            boolean suppressed) {}

    /** The open data set of one period. */
    public record Dataset(String period, LocalDate from, LocalDate to, int threshold, List<Row> rows) {}

    private final Kpis kpis;
    private final int threshold;

    OpenKpis(Kpis kpis, KpiProperties properties) {
        this.kpis = kpis;
        this.threshold = properties.openDataThreshold();
    }

    /** The national rows and one set per agency (only {@code agency}'s when it is given). */
    public Dataset of(ReportingPeriod period, String agency) {
        List<KpiReport> reports = new ArrayList<>();
        if (agency == null) {
            reports.add(kpis.report(period, null));
            reports.addAll(kpis.byAgency(period));
        } else {
            reports.add(kpis.report(period, agency));
        }
        List<Row> rows = new ArrayList<>();
        for (KpiReport report : reports) {
            for (KpiFigure f : report.indicators()) {
                rows.add(row(report, f));
            }
        }
        return new Dataset(period.period(), period.from(), period.to(), threshold, rows);
    }

    Row row(KpiReport report, KpiFigure f) {
        boolean suppressed = small(f.numerator()) || (f.denominator() != null && small(f.denominator()));
        if (f.code() == Indicator.SATISFACTION) {
            suppressed = small(f.denominator()); // the numerator is a sum of scores, not a count of cases
        }
        return new Row(
                report.period(),
                report.from(),
                report.to(),
                report.agency(),
                f.code(),
                f.name(),
                f.unit(),
                suppressed ? null : f.value(),
                suppressed ? null : f.numerator(),
                suppressed ? null : f.denominator(),
                f.target(),
                suppressed ? null : f.met(),
                suppressed);
    }

    private boolean small(long count) {
        return count > 0 && count < threshold;
    }
}
