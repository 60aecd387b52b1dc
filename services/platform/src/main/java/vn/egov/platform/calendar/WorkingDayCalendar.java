package vn.egov.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lịch ngày làm việc — the one working-day calendar of every service: Monday to Friday, minus the Labour Code
 * holidays (with compensatory days) of every year, minus and plus the days the Government declares each year
 * (days off, weekend days worked), which are data ({@code egov.calendar.*}, see {@link CalendarProperties}).
 *
 * <p>Counting a procedure's time limit ({@link #deadline}, Civil Code 2015 art. 147–148 and our convention): the
 * day of receipt is not counted; a dossier received after the cut-off time (15:00) or on a rest day counts as
 * received on the next working day. Instants are read in Vietnam time ({@link #VIETNAM}).
 */
public final class WorkingDayCalendar {

    /** Every date of the calendar is a date in Vietnam (UTC+7, no daylight saving). */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<LocalDate, Holiday> exceptions = new ConcurrentHashMap<>();
    private final MonthDay nationalDayCompanion;
    private final LocalTime cutOff;
    private final Map<Integer, Boolean> yearsLoaded = new ConcurrentHashMap<>();

    public WorkingDayCalendar(Collection<Holiday> swaps, MonthDay nationalDayCompanion, LocalTime cutOff) {
        this.nationalDayCompanion = nationalDayCompanion;
        this.cutOff = cutOff;
        swaps.forEach(h -> exceptions.put(h.date(), h));
    }

    /** The receipt day that counts, and the due date {@code workingDays} working days later. */
    public Deadline deadline(LocalDateTime receivedAt, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate counted = receivedAt.toLocalDate();
        if (!isWorkingDay(counted) || receivedAt.toLocalTime().isAfter(cutOff)) {
            counted = nextWorkingDay(counted);
        }
        LocalDate due = counted;
        List<Holiday> skipped = new ArrayList<>();
        for (int i = 0; i < workingDays; i++) {
            LocalDate next = due.plusDays(1);
            while (!isWorkingDay(next)) {
                restReason(next).ifPresent(skipped::add);
                next = next.plusDays(1);
            }
            due = next;
        }
        return new Deadline(receivedAt, counted, workingDays, due, List.copyOf(skipped));
    }

    /** Kết quả tính hạn — the counted receipt day, the due date and the holidays skipped on the way. */
    public record Deadline(
            LocalDateTime receivedAt,
            LocalDate countedFrom,
            int workingDays,
            LocalDate dueDate,
            List<Holiday> holidays) {}

    public boolean isWorkingDay(LocalDate date) {
        Holiday exception = exception(date);
        if (exception != null) {
            return exception.working();
        }
        return !LabourCodeHolidays.isWeekend(date);
    }

    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The {@code n}-th working day after {@code date} ({@code n = 0}: the date itself). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = date;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * The time {@code at} (Vietnam time) of the first working day after the day of {@code from} in Vietnam: "by
     * the next working morning". A document arriving on Friday at 16:00 is due on Monday at {@code at}.
     */
    public Instant nextWorkingDayAt(Instant from, LocalTime at) {
        LocalDate day = nextWorkingDay(from.atZone(VIETNAM).toLocalDate());
        return day.atTime(at).atZone(VIETNAM).toInstant();
    }

    /**
     * 24:00 Vietnam time at the end of the {@code workingDays}-th working day after the day of {@code from} (the
     * first day is not counted and a period ends at the end of its last day, Civil Code 2015 art. 147–148).
     */
    public Instant endOfWorkingDays(Instant from, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate last = plusWorkingDays(from.atZone(VIETNAM).toLocalDate(), workingDays);
        return last.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    public List<Holiday> holidays(int year) {
        load(year);
        return exceptions.values().stream()
                .filter(h -> h.date().getYear() == year)
                .sorted(java.util.Comparator.comparing(Holiday::date))
                .toList();
    }

    private Optional<Holiday> restReason(LocalDate date) {
        return Optional.ofNullable(exception(date)).filter(h -> !h.working());
    }

    private Holiday exception(LocalDate date) {
        load(date.getYear());
        return exceptions.get(date);
    }

    private void load(int year) {
        if (yearsLoaded.containsKey(year)) {
            return;
        }
        synchronized (this) {
            if (!yearsLoaded.containsKey(year)) {
                for (Holiday holiday : LabourCodeHolidays.of(year, nationalDayCompanion)) {
                    exceptions.putIfAbsent(holiday.date(), holiday); // swaps given as data win
                }
                yearsLoaded.put(year, Boolean.TRUE);
            }
        }
    }
}
