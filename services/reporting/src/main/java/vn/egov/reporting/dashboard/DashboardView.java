package vn.egov.reporting.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.egov.reporting.kpi.Indicator;
import vn.egov.reporting.kpi.KpiFigure;
import vn.egov.reporting.kpi.KpiReport;

/**
 * What the operations-centre page shows, already laid out: text for each figure and the geometry of the SVG
 * charts (the page runs no script, so that the gateway's strict Content-Security-Policy holds).
 */
public final class DashboardView {

    /** The indicators shown as trend charts and as columns of the per-agency table. */
    static final List<Indicator> KEY = List.of(
            Indicator.ONLINE_FILING,
            Indicator.LEVEL4_SERVICES,
            Indicator.ON_TIME,
            Indicator.OVERDUE,
            Indicator.SATISFACTION,
            Indicator.ELECTRONIC_DOCUMENTS);

    private DashboardView() {}

    /**
     * One figure on the page.
     *
     * @param status {@code met}, {@code not-met} or {@code none} (CSS class and label)
     * @param bar width of the progress bar in percent of the chart (0–100), target marker likewise
     */
    public record Figure(
            String code,
            String name,
            String value,
            String target,
            String status,
            String counts,
            double bar,
            Double targetMark) {}

    /** One bar of a trend chart. */
    public record Bar(String period, double x, double y, double height, String label, String status) {}

    /** One trend chart: an indicator over several periods. */
    public record Trend(String name, List<Bar> bars, Double targetY, double width, double height) {}

    /** One agency's row of the per-agency table. */
    public record AgencyRow(String agency, List<Figure> figures) {}

    static Figure figure(KpiFigure f) {
        String status = f.met() == null ? "none" : f.met() ? "met" : "not-met";
        String counts = f.denominator() == null
                ? Long.toString(f.numerator())
                : f.unit() == Indicator.Unit.SCORE
                        ? f.denominator() + " lượt đánh giá"
                        : f.numerator() + "/" + f.denominator();
        double scale = scale(f.code());
        double bar = f.value() == null ? 0 : Math.min(100, f.value().doubleValue() * 100 / scale);
        Double mark = f.target() == null ? null : Math.min(100, f.target() * 100 / scale);
        return new Figure(
                f.code().name(), f.name(), text(f.value(), f.unit()), targetText(f), status, counts, bar, mark);
    }

    static Trend trend(Indicator indicator, String name, List<KpiReport> reports) {
        double width = 60.0 * reports.size();
        double height = 120;
        double top = 100;
        double scale = scale(indicator);
        if (indicator.unit() == Indicator.Unit.COUNT) {
            scale = Math.max(
                    1,
                    reports.stream()
                            .map(r -> r.figure(indicator).value())
                            .filter(v -> v != null)
                            .mapToDouble(BigDecimal::doubleValue)
                            .max()
                            .orElse(1));
        }
        List<Bar> bars = new ArrayList<>();
        Double target = null;
        for (int i = 0; i < reports.size(); i++) {
            KpiFigure f = reports.get(i).figure(indicator);
            double v = f.value() == null ? 0 : f.value().doubleValue();
            double h = Math.min(top, v * top / scale);
            String status = f.met() == null ? "none" : f.met() ? "met" : "not-met";
            bars.add(new Bar(reports.get(i).period(), i * 60.0 + 10, top - h, h, text(f.value(), f.unit()), status));
            if (f.target() != null) {
                target = top - Math.min(top, f.target() * top / scale);
            }
        }
        return new Trend(name, bars, target, width, height);
    }

    private static double scale(Indicator indicator) {
        return switch (indicator.unit()) {
            case PERCENT -> 100;
            case SCORE -> 18;
            case COUNT -> 1;
        };
    }

    static String text(BigDecimal value, Indicator.Unit unit) {
        if (value == null) {
            return "—";
        }
        String number = value.toPlainString().replace('.', ',');
        return unit == Indicator.Unit.PERCENT ? number + "%" : number;
    }

    private static String targetText(KpiFigure f) {
        if (f.target() == null) {
            return "—";
        }
        String sign = f.direction() == Indicator.Direction.AT_LEAST ? "≥ " : "≤ ";
        return sign + text(BigDecimal.valueOf(f.target()).stripTrailingZeros(), f.unit());
    }
}
