package vn.egov.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.period.CutOffCalendar;
import vn.egov.reporting.period.Frequency;
import vn.egov.reporting.period.ReportingPeriod;

class KpiPeriodsTest {

    private final KpiPeriods periods = new KpiPeriods(new CutOffCalendar(25));
    private final LocalDate today = LocalDate.of(2026, 12, 20);

    @Test
    void theFrequencyIsReadFromTheLabel() {
        assertThat(periods.parse("2026-11", today, "period").frequency()).isEqualTo(Frequency.MONTH);
        assertThat(periods.parse("2026-Q4", today, "period").from()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(periods.parse("2026-H1", today, "period").to()).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThat(periods.parse("2026", today, "period").from()).isEqualTo(LocalDate.of(2025, 12, 15));
    }

    @Test
    void withoutALabelItIsTheCurrentReportingMonthWhichAfterTheFifteenthOfDecemberIsNextJanuary() {
        assertThat(periods.parse(null, today, "period").period()).isEqualTo("2027-01");
    }

    @Test
    void aLabelThatIsNoPeriodIsRefusedNamingTheField() {
        assertThatThrownBy(() -> periods.parse("2026-13", today, "period"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("invalid-period");
                    assertThat(p.errors().getFirst().field()).isEqualTo("period");
                });
        assertThatThrownBy(() -> periods.parse("1899", today, "period")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aTrendIsTheConsecutivePeriodsEndingWithTheGivenOne() {
        ReportingPeriod q1 = periods.parse("2027-Q1", today, "period");
        assertThat(periods.trend(q1, 4))
                .extracting(ReportingPeriod::period)
                .containsExactly("2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1");
        assertThat(periods.trend(periods.parse("2026-02", today, "period"), 3))
                .extracting(ReportingPeriod::period)
                .containsExactly("2025-12", "2026-01", "2026-02");
    }
}
