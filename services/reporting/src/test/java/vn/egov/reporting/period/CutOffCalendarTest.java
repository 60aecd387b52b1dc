package vn.egov.reporting.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutOffCalendarTest {

    final CutOffCalendar calendar = new CutOffCalendar(25);

    @ParameterizedTest(name = "{0} {1} -> {2} [{3}..{4}] due {5}")
    @CsvSource({
        // monthly: 15th of the previous month to the 14th
        "MONTH,     2026-03-14, 2026-03, 2026-02-15, 2026-03-14, 2026-03-25",
        "MONTH,     2026-03-15, 2026-04, 2026-03-15, 2026-04-14, 2026-04-25",
        "MONTH,     2026-12-15, 2027-01, 2026-12-15, 2027-01-14, 2027-01-25",
        "MONTH,     2026-12-31, 2027-01, 2026-12-15, 2027-01-14, 2027-01-25",
        "MONTH,     2027-01-01, 2027-01, 2026-12-15, 2027-01-14, 2027-01-25",
        // quarters: Q1 15/12 - 14/3, Q2 15/3 - 14/6, Q3 15/6 - 14/9, Q4 15/9 - 14/12
        "QUARTER,   2026-03-14, 2026-Q1, 2025-12-15, 2026-03-14, 2026-03-25",
        "QUARTER,   2026-03-15, 2026-Q2, 2026-03-15, 2026-06-14, 2026-06-25",
        "QUARTER,   2026-09-14, 2026-Q3, 2026-06-15, 2026-09-14, 2026-09-25",
        "QUARTER,   2026-12-14, 2026-Q4, 2026-09-15, 2026-12-14, 2026-12-25",
        "QUARTER,   2026-12-20, 2027-Q1, 2026-12-15, 2027-03-14, 2027-03-25",
        // halves: H1 15/12 - 14/6, H2 15/6 - 14/12
        "HALF_YEAR, 2026-06-14, 2026-H1, 2025-12-15, 2026-06-14, 2026-06-25",
        "HALF_YEAR, 2026-06-15, 2026-H2, 2026-06-15, 2026-12-14, 2026-12-25",
        "HALF_YEAR, 2026-12-15, 2027-H1, 2026-12-15, 2027-06-14, 2027-06-25",
        // year: 15/12 of the previous year to 14/12
        "YEAR,      2026-12-14, 2026,    2025-12-15, 2026-12-14, 2026-12-25",
        "YEAR,      2026-12-15, 2027,    2026-12-15, 2027-12-14, 2027-12-25",
        "YEAR,      2024-02-29, 2024,    2023-12-15, 2024-12-14, 2024-12-25"
    })
    void decree09CutOffWindows(
            Frequency frequency, LocalDate date, String label, LocalDate from, LocalDate to, LocalDate deadline) {
        ReportingPeriod period = calendar.periodOf(frequency, date);

        assertThat(period.period()).isEqualTo(label);
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.deadline()).isEqualTo(deadline);
        assertThat(period.contains(date)).isTrue();
    }

    @Test
    void consecutivePeriodsTileTheYearWithoutGapsOrOverlaps() {
        for (Frequency frequency : Frequency.values()) {
            ReportingPeriod current = calendar.periodOf(frequency, LocalDate.of(2025, 12, 15));
            for (int i = 0; i < 30; i++) {
                ReportingPeriod next = calendar.periodOf(frequency, current.to().plusDays(1));
                assertThat(next.from())
                        .as(frequency + " after " + current.period())
                        .isEqualTo(current.to().plusDays(1));
                assertThat(next.period()).isNotEqualTo(current.period());
                current = next;
            }
        }
    }

    @Test
    void labelsRoundTrip() {
        assertThat(calendar.period(Frequency.QUARTER, "2027-Q1").from()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(calendar.period(Frequency.MONTH, "2026-01").to()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(calendar.period(Frequency.HALF_YEAR, "2026-H2").deadline()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(calendar.period(Frequency.YEAR, "2026").period()).isEqualTo("2026");
        assertThatThrownBy(() -> calendar.period(Frequency.QUARTER, "2026-Q5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadlineDayIsConfigurable() {
        assertThat(new CutOffCalendar(20)
                        .periodOf(Frequency.MONTH, LocalDate.of(2026, 5, 1))
                        .deadline())
                .isEqualTo(LocalDate.of(2026, 5, 20));
        assertThatThrownBy(() -> new CutOffCalendar(31)).isInstanceOf(IllegalArgumentException.class);
    }
}
