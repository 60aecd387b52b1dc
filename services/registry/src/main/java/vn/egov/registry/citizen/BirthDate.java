package vn.egov.registry.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ngày sinh — a date of birth that may be known only to the year or to the month ({@code "1950"},
 * {@code "1950-07"}, {@code "1950-07-14"}, ISO 8601 reduced precision).
 */
public record BirthDate(int year, Integer month, Integer day) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public BirthDate {
        if (day != null && month == null) {
            throw new IllegalArgumentException("a day without a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month out of range");
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day");
            }
        }
    }

    /** Parses {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}; throws {@link IllegalArgumentException}. */
    public static BirthDate parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected yyyy, yyyy-MM or yyyy-MM-dd");
        }
        return new BirthDate(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? null : Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.parseInt(m.group(3)));
    }

    /** The earliest day the birth can have been. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** Whether the birth can be on or before {@code today}. */
    public boolean notAfter(LocalDate today) {
        return !earliest().isAfter(today);
    }

    public boolean isPartial() {
        return day == null;
    }

    @Override
    public String toString() {
        if (month == null) {
            return "%04d".formatted(year);
        }
        if (day == null) {
            return YearMonth.of(year, month).toString();
        }
        return LocalDate.of(year, month, day).toString();
    }
}
