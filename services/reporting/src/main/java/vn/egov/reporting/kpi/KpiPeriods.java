package vn.egov.reporting.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.egov.platform.web.ApiProblem;
import vn.egov.reporting.period.CutOffCalendar;
import vn.egov.reporting.period.Frequency;
import vn.egov.reporting.period.ReportingPeriod;

/**
 * The periods KPIs are given for: the reporting periods of Decree 09/2019 art. 12 (a month runs from the 15th
 * of the previous month to the 14th), so that the figures match the periodic reports the agencies file for the
 * same period. The frequency is read from the label's form.
 */
@Component
public class KpiPeriods {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern HALF = Pattern.compile("\\d{4}-H[12]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final CutOffCalendar calendar;

    KpiPeriods(CutOffCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The period with this label, or the current month's when the label is null or blank.
     *
     * @throws ApiProblem 400 naming {@code field} when the label is not a period
     */
    public ReportingPeriod parse(String label, LocalDate today, String field) {
        if (label == null || label.isBlank()) {
            return calendar.periodOf(Frequency.MONTH, today);
        }
        Frequency frequency;
        if (MONTH.matcher(label).matches()) {
            frequency = Frequency.MONTH;
        } else if (QUARTER.matcher(label).matches()) {
            frequency = Frequency.QUARTER;
        } else if (HALF.matcher(label).matches()) {
            frequency = Frequency.HALF_YEAR;
        } else if (YEAR.matcher(label).matches()) {
            frequency = Frequency.YEAR;
        } else {
            throw ApiProblem.badField(
                    "invalid-period",
                    field,
                    "Kỳ báo cáo phải có dạng YYYY-MM, YYYY-Qn, YYYY-Hn hoặc YYYY (ví dụ 2026-11), nhận được: " + label);
        }
        int year = Integer.parseInt(label.substring(0, 4));
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badField("invalid-period", field, "Năm của kỳ báo cáo phải từ 2000 đến 2100");
        }
        return calendar.period(frequency, label);
    }

    /** The {@code count} periods of the same frequency ending with {@code last}, oldest first. */
    public List<ReportingPeriod> trend(ReportingPeriod last, int count) {
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod current = last;
        for (int i = 0; i < count; i++) {
            periods.addFirst(current);
            current = calendar.periodOf(current.frequency(), current.from().minusDays(1));
        }
        return periods;
    }
}
