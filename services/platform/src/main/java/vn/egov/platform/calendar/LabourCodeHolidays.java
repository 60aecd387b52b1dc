package vn.egov.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public holidays of the Labour Code 2019 art. 112 for a solar year, lunar dates resolved: New Year (1/1),
 * Tết (5 days: the eve and the first four days of the lunar year), the Hùng Kings' commemoration (10/3 lunar),
 * Reunification Day (30/4), Labour Day (1/5) and National Day (2/9 with an adjacent day, 1/9 by default: the
 * Prime Minister fixes it each year, so it is a parameter). A holiday on a Saturday or Sunday is compensated on
 * the next working day. The year's official swaps are data added on top (see {@link WorkingDayCalendar}).
 */
public final class LabourCodeHolidays {

    private LabourCodeHolidays() {}

    public static List<Holiday> of(int year, MonthDay nationalDayCompanion) {
        List<Holiday> days = new ArrayList<>();
        days.add(new Holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", Holiday.Kind.PUBLIC_HOLIDAY));
        // Tết always falls between 21 January and 20 February: its eve and first four days are in this year
        LocalDate eve = LunarCalendar.lastDayOfYear(year - 1);
        for (int i = 0; i < 5; i++) {
            days.add(new Holiday(eve.plusDays(i), "Tết Nguyên đán", Holiday.Kind.PUBLIC_HOLIDAY));
        }
        days.add(new Holiday(LunarCalendar.toSolar(10, 3, year), "Giỗ Tổ Hùng Vương", Holiday.Kind.PUBLIC_HOLIDAY));
        days.add(new Holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng", Holiday.Kind.PUBLIC_HOLIDAY));
        days.add(new Holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động", Holiday.Kind.PUBLIC_HOLIDAY));
        days.add(new Holiday(LocalDate.of(year, 9, 2), "Quốc khánh", Holiday.Kind.PUBLIC_HOLIDAY));
        days.add(new Holiday(nationalDayCompanion.atYear(year), "Quốc khánh", Holiday.Kind.PUBLIC_HOLIDAY));
        return withCompensation(days);
    }

    /** Each holiday on a weekend gives the next day that is neither a weekend nor a holiday. */
    static List<Holiday> withCompensation(List<Holiday> holidays) {
        Set<LocalDate> taken = new TreeSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<Holiday> result = new ArrayList<>(holidays);
        holidays.stream()
                .map(Holiday::date)
                .sorted()
                .filter(LabourCodeHolidays::isWeekend)
                .forEach(date -> {
                    LocalDate compensation = date.plusDays(1);
                    while (isWeekend(compensation) || taken.contains(compensation)) {
                        compensation = compensation.plusDays(1);
                    }
                    taken.add(compensation);
                    result.add(new Holiday(compensation, "Nghỉ bù", Holiday.Kind.COMPENSATORY));
                });
        result.sort(java.util.Comparator.comparing(Holiday::date));
        return List.copyOf(result);
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
