package vn.egov.reporting.period;

import java.time.LocalDate;

/**
 * Một kỳ báo cáo — one period of a periodic report: its label ({@code 2026-01}, {@code 2026-Q1},
 * {@code 2026-H1}, {@code 2026}), the data cut-off window (thời gian chốt số liệu, both ends inclusive) and
 * the sending deadline.
 */
public record ReportingPeriod(String period, Frequency frequency, LocalDate from, LocalDate to, LocalDate deadline) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
