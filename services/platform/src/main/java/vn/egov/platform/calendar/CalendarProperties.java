package vn.egov.platform.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-day calendar as configuration ({@code egov.calendar.*}), the same in every service: the Prime
 * Minister's yearly decisions (the day next to 2/9, the extra days off around Tết, the weekend days worked in
 * exchange) change here, not in code.
 *
 * <pre>{@code
 * egov:
 *   calendar:
 *     national-day-companion: --09-01
 *     cut-off: "15:00"
 *     days-off: [{date: 2026-11-20, name: Nghỉ hoán đổi}]
 *     working-days: [{date: 2026-11-07, name: Làm bù}]
 * }</pre>
 *
 * @param nationalDayCompanion the holiday next to 2/9, as {@code --MM-dd} (default {@code --09-01})
 * @param cutOff a dossier received after this time counts as received on the next working day (default 15:00)
 * @param daysOff days declared off by the Government on top of the Labour Code holidays (nghỉ hoán đổi)
 * @param workingDays Saturdays or Sundays declared working days in exchange (làm bù)
 */
@ConfigurationProperties("egov.calendar")
public record CalendarProperties(
        MonthDay nationalDayCompanion, LocalTime cutOff, List<DeclaredDay> daysOff, List<DeclaredDay> workingDays) {

    public CalendarProperties {
        nationalDayCompanion = nationalDayCompanion == null ? MonthDay.of(9, 1) : nationalDayCompanion;
        cutOff = cutOff == null ? LocalTime.of(15, 0) : cutOff;
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        Set<LocalDate> off = new HashSet<>();
        daysOff.forEach(d -> off.add(d.date()));
        for (DeclaredDay day : workingDays) {
            if (off.contains(day.date())) {
                throw new IllegalArgumentException(
                        "egov.calendar: " + day.date() + " is declared both a day off and a working day");
            }
        }
    }

    /** A day declared by the Government: its date and, optionally, the name shown to users. */
    public record DeclaredDay(LocalDate date, String name) {
        public DeclaredDay {
            if (date == null) {
                throw new IllegalArgumentException("egov.calendar: a declared day needs a date");
            }
        }
    }

    public WorkingDayCalendar calendar() {
        List<Holiday> declared = new ArrayList<>();
        daysOff.forEach(d -> declared.add(
                new Holiday(d.date(), d.name() == null ? "Nghỉ hoán đổi" : d.name(), Holiday.Kind.SWAPPED_OFF)));
        workingDays.forEach(d -> declared.add(
                new Holiday(d.date(), d.name() == null ? "Làm bù" : d.name(), Holiday.Kind.SWAPPED_WORKING)));
        return new WorkingDayCalendar(declared, nationalDayCompanion, cutOff);
    }
}
