package vn.egov.portal.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-day calendar as configuration: the Prime Minister's yearly decisions (the day next to National
 * Day, swapped days) change here, not in code.
 *
 * @param nationalDayCompanion the holiday next to 2/9, as {@code --MM-dd} (default {@code --09-01})
 * @param cutOff a dossier received after this time counts as received on the next working day
 * @param swaps the year's official swaps and extra days off
 */
@ConfigurationProperties("egov.portal.calendar")
public record CalendarProperties(MonthDay nationalDayCompanion, LocalTime cutOff, List<Swap> swaps) {

    public CalendarProperties {
        nationalDayCompanion = nationalDayCompanion == null ? MonthDay.of(9, 1) : nationalDayCompanion;
        cutOff = cutOff == null ? LocalTime.of(15, 0) : cutOff;
        swaps = swaps == null ? List.of() : List.copyOf(swaps);
    }

    public record Swap(LocalDate date, Holiday.Kind kind, String name) {}

    public WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(
                swaps.stream()
                        .map(s -> new Holiday(s.date(), s.name(), s.kind()))
                        .toList(),
                nationalDayCompanion,
                cutOff);
    }
}
