package vn.egov.reporting.period;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The data cut-off rules of Decree 09/2019/NĐ-CP art. 12: a reporting month runs from the 15th of the previous
 * month to the 14th of the month; quarters, halves and years are made of whole reporting months (Q1 from 15/12
 * of the previous year to 14/3, …). So any date from 15 to 31 December belongs to the next year's January, Q1,
 * H1 and year.
 *
 * <p>The sending deadline is, by default, the {@code deadlineDay} (25th) of the last month of the period — the
 * art. 13 rule for reports to the Government; regimes can set their own day.
 */
public final class CutOffCalendar {

    /** The first day of a reporting month, in the previous calendar month. */
    static final int CUT_OFF_DAY = 15;

    private final int deadlineDay;

    public CutOffCalendar(int deadlineDay) {
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("the deadline day must be between 1 and 28");
        }
        this.deadlineDay = deadlineDay;
    }

    /** The period of the given frequency that {@code date} falls in. */
    public ReportingPeriod periodOf(Frequency frequency, LocalDate date) {
        YearMonth reportingMonth = reportingMonth(date);
        int year = reportingMonth.getYear();
        int index = (reportingMonth.getMonthValue() - 1) / frequency.months(); // 0-based period in the year
        YearMonth first = YearMonth.of(year, index * frequency.months() + 1);
        YearMonth last = first.plusMonths(frequency.months() - 1L);
        String label =
                switch (frequency) {
                    case MONTH -> "%d-%02d".formatted(year, first.getMonthValue());
                    case QUARTER -> "%d-Q%d".formatted(year, index + 1);
                    case HALF_YEAR -> "%d-H%d".formatted(year, index + 1);
                    case YEAR -> Integer.toString(year);
                };
        return new ReportingPeriod(
                label,
                frequency,
                first.minusMonths(1).atDay(CUT_OFF_DAY),
                last.atDay(CUT_OFF_DAY - 1),
                last.atDay(deadlineDay));
    }

    /** The period with the given label, e.g. {@code 2026-Q1}. */
    public ReportingPeriod period(Frequency frequency, String label) {
        java.util.regex.Matcher m =
                switch (frequency) {
                    case MONTH ->
                        java.util.regex.Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])")
                                .matcher(label);
                    case QUARTER ->
                        java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(label);
                    case HALF_YEAR ->
                        java.util.regex.Pattern.compile("(\\d{4})-H([12])").matcher(label);
                    case YEAR -> java.util.regex.Pattern.compile("(\\d{4})()").matcher(label);
                };
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + frequency + " period label: " + label);
        }
        int year = Integer.parseInt(m.group(1));
        int index = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2)) - 1;
        int lastMonth = (index + 1) * frequency.months();
        return periodOf(frequency, LocalDate.of(year, lastMonth, 1));
    }

    static YearMonth reportingMonth(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return date.getDayOfMonth() >= CUT_OFF_DAY ? month.plusMonths(1) : month;
    }
}
