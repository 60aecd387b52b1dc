package vn.egov.portal.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lịch ngày làm việc — working days for counting the time limits of administrative procedures: Monday to
 * Friday, minus the Labour Code holidays (with compensatory days) of every year, minus and plus the year's
 * official swaps, which are data.
 *
 * <p>Counting (Civil Code 2015 art. 147–148 and our convention): the day of receipt is not counted; a dossier
 * received after the cut-off time (15:00) or on a rest day counts as received on the next working day.
 */
public final class WorkingDayCalendar {

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
