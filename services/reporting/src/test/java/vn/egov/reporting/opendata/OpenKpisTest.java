package vn.egov.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.reporting.kpi.Indicator;
import vn.egov.reporting.kpi.KpiFigure;
import vn.egov.reporting.kpi.KpiProperties;
import vn.egov.reporting.kpi.KpiReport;

class OpenKpisTest {

    private final OpenKpis open = new OpenKpis(null, new KpiProperties("g", null, null, 20, "G22", 5, null));

    private static KpiReport report(KpiFigure figure) {
        return new KpiReport(
                "2026-11",
                "MONTH",
                LocalDate.of(2026, 10, 15),
                LocalDate.of(2026, 11, 14),
                "000.00.00.H57",
                OffsetDateTime.now(),
                List.of(figure));
    }

    private OpenKpis.Row row(Indicator indicator, Long value, long numerator, Long denominator) {
        KpiFigure f = new KpiFigure(
                indicator,
                "x",
                indicator.unit(),
                value == null ? null : java.math.BigDecimal.valueOf(value),
                numerator,
                denominator,
                null,
                indicator.direction(),
                null);
        return open.row(report(f), f);
    }

    @Test
    void aRateRestingOnFewerThanFiveCasesIsSuppressed() {
        assertThat(row(Indicator.ONLINE_FILING, 75L, 3, 4L).suppressed()).isTrue();
        assertThat(row(Indicator.ONLINE_FILING, 75L, 3, 4L).value()).isNull();
        assertThat(row(Indicator.ONLINE_FILING, 75L, 3, 4L).numerator()).isNull();
        // 4 of 100: the numerator alone singles out few people
        assertThat(row(Indicator.ONLINE_FILING, 4L, 4, 100L).suppressed()).isTrue();
    }

    @Test
    void zeroAndCountsFromTheThresholdUpAreShown() {
        OpenKpis.Row shown = row(Indicator.ONLINE_FILING, 50L, 5, 10L);
        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.numerator()).isEqualTo(5);
        assertThat(row(Indicator.ONLINE_FILING, 0L, 0, 20L).suppressed()).isFalse();
        assertThat(row(Indicator.OVERDUE, 0L, 0, null).suppressed()).isFalse();
        assertThat(row(Indicator.OVERDUE, 2L, 2, null).suppressed()).isTrue();
    }

    @Test
    void satisfactionIsSuppressedByTheNumberOfRatingsNotBySumOfScores() {
        assertThat(row(Indicator.SATISFACTION, 16L, 64, 4L).suppressed()).isTrue();
        assertThat(row(Indicator.SATISFACTION, 16L, 80, 5L).suppressed()).isFalse();
    }
}
