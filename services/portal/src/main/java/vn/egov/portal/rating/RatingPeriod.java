package vn.egov.portal.rating;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kỳ đánh giá: the period whose ratings are aggregated, written {@code 2026-11} (month), {@code 2026-Q4} (quarter) or
 * {@code 2026} (year); a rating counts in the period of its date in Vietnam time.
 */
public record RatingPeriod(String text, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Null when the text is none of the three forms. */
    public static RatingPeriod parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new RatingPeriod(text, month.atDay(1), month.atEndOfMonth());
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new RatingPeriod(text, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        m = YEAR.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            return new RatingPeriod(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        return null;
    }
}
