package vn.egov.reporting.kpi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Báo cáo chỉ tiêu — the Resolution 17 indicators of one agency (or of the whole country when {@code agency} is
 * null) for one reporting period.
 *
 * @param period the period label ({@code 2026-11}, {@code 2026-Q4}, {@code 2026-H2}, {@code 2026})
 * @param frequency MONTH, QUARTER, HALF_YEAR or YEAR
 * @param from first day of the Decree 09/2019 art. 12 cut-off window
 * @param to last day of the window (inclusive)
 * @param agency the agency's organisation code, null for the national figures
 * @param asOf when the figures were computed (an open dossier counts as overdue only once its due date passed)
 * @param indicators one figure per indicator
 */
public record KpiReport(
        String period,
        String frequency,
        LocalDate from,
        LocalDate to,
        String agency,
        OffsetDateTime asOf,
        List<KpiFigure> indicators) {

    public KpiFigure figure(Indicator indicator) {
        return indicators.stream()
                .filter(f -> f.code() == indicator)
                .findFirst()
                .orElseThrow();
    }
}
