package vn.egov.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    static final MonthDay FIRST_OF_SEPTEMBER = MonthDay.of(9, 1);
    final WorkingDayCalendar calendar = new WorkingDayCalendar(List.of(), FIRST_OF_SEPTEMBER, LocalTime.of(15, 0));

    @ParameterizedTest(name = "received {0}, {1} working day(s) -> due {2}")
    @CsvSource({
        // the day of receipt is not counted
        "2026-11-18T09:00, 1, 2026-11-19",
        "2026-11-20T10:00, 1, 2026-11-23",
        // after 15:00 counts as received on the next working day: Friday 16:00 + 1 day is Tuesday
        "2026-11-20T16:00, 1, 2026-11-24",
        "2026-11-20T15:00, 1, 2026-11-23",
        // a rest day counts as the next working day
        "2026-11-21T09:00, 1, 2026-11-24",
        // Tết 2026: the eve (16/2) and the first four days (17-20/2) are holidays
        "2026-02-13T09:00, 1, 2026-02-23",
        // Giỗ Tổ 2026 is a Sunday (26/4) compensated on Monday 27/4; 30/4 and 1/5 are holidays
        "2026-04-24T10:00, 3, 2026-05-04",
        // National Day 2/9 and its companion 1/9
        "2026-08-31T08:00, 1, 2026-09-03",
        // over the new year
        "2026-12-31T08:00, 1, 2027-01-04",
        "2026-11-02T08:00, 15, 2026-11-23"
    })
    void dueDates(LocalDateTime receivedAt, int workingDays, LocalDate due) {
        assertThat(calendar.deadline(receivedAt, workingDays).dueDate()).isEqualTo(due);
    }

    @Test
    void explainsWhichHolidaysWereSkipped() {
        var deadline = calendar.deadline(LocalDateTime.parse("2026-02-13T09:00"), 1);

        assertThat(deadline.countedFrom()).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(deadline.holidays())
                .extracting(Holiday::date)
                .containsExactly(
                        LocalDate.of(2026, 2, 16),
                        LocalDate.of(2026, 2, 17),
                        LocalDate.of(2026, 2, 18),
                        LocalDate.of(2026, 2, 19),
                        LocalDate.of(2026, 2, 20));
        assertThat(deadline.holidays()).allSatisfy(h -> assertThat(h.name()).isEqualTo("Tết Nguyên đán"));
    }

    @Test
    void theLabourCodeGivesElevenDaysPlusCompensation() {
        List<Holiday> holidays = LabourCodeHolidays.of(2026, FIRST_OF_SEPTEMBER);

        assertThat(holidays)
                .filteredOn(h -> h.kind() == Holiday.Kind.PUBLIC_HOLIDAY)
                .hasSize(11);
        assertThat(holidays)
                .filteredOn(h -> h.kind() == Holiday.Kind.COMPENSATORY)
                .extracting(Holiday::date)
                .containsExactly(LocalDate.of(2026, 4, 27));
    }

    @Test
    void compensationSkipsOtherHolidays() {
        // 2028: 30/4 is a Sunday and 1/5 a holiday Monday, so 30/4 is compensated on Tuesday 2/5
        List<Holiday> holidays = LabourCodeHolidays.of(2028, FIRST_OF_SEPTEMBER);

        assertThat(holidays)
                .filteredOn(h -> h.kind() == Holiday.Kind.COMPENSATORY)
                .extracting(Holiday::date)
                .contains(LocalDate.of(2028, 5, 2));
    }

    @Test
    void officialSwapsAreData() {
        // the year's decision: work Saturday 7/11/2026, rest Friday 20/11/2026 instead
        WorkingDayCalendar swapped = new WorkingDayCalendar(
                List.of(
                        new Holiday(LocalDate.of(2026, 11, 7), "Làm bù", Holiday.Kind.SWAPPED_WORKING),
                        new Holiday(LocalDate.of(2026, 11, 20), "Nghỉ hoán đổi", Holiday.Kind.SWAPPED_OFF)),
                FIRST_OF_SEPTEMBER,
                LocalTime.of(15, 0));

        assertThat(swapped.deadline(LocalDateTime.parse("2026-11-06T09:00"), 1).dueDate())
                .isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(swapped.deadline(LocalDateTime.parse("2026-11-19T09:00"), 1).dueDate())
                .isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @ParameterizedTest(name = "arrived {0} -> due {1} (Vietnam time)")
    @CsvSource({
        // Friday afternoon: the next working morning is Monday
        "2026-11-20T16:00:00+07:00, 2026-11-23T10:00:00+07:00",
        // Friday 23:30 in Vietnam is 16:30 UTC, still Friday
        "2026-11-20T16:30:00Z, 2026-11-23T10:00:00+07:00",
        // a Saturday arrival waits for Monday too
        "2026-11-21T09:00:00+07:00, 2026-11-23T10:00:00+07:00",
        // the last working day before Tết 2026: judged after the holiday, on Monday 23/2
        "2026-02-13T14:00:00+07:00, 2026-02-23T10:00:00+07:00"
    })
    void nextWorkingMorning(java.time.OffsetDateTime arrived, java.time.OffsetDateTime due) {
        assertThat(calendar.nextWorkingDayAt(arrived.toInstant(), LocalTime.of(10, 0)))
                .isEqualTo(due.toInstant());
    }

    @ParameterizedTest(name = "arrived {0}, {1} working day(s) -> ends {2}")
    @CsvSource({
        "2026-11-02T08:30:00+07:00, 1, 2026-11-04T00:00:00+07:00",
        "2026-11-06T16:30:00Z, 1, 2026-11-10T00:00:00+07:00",
        "2026-11-07T10:00:00+07:00, 1, 2026-11-10T00:00:00+07:00",
        "2026-02-13T09:00:00+07:00, 1, 2026-02-24T00:00:00+07:00",
        "2026-02-13T09:00:00+07:00, 2, 2026-02-25T00:00:00+07:00"
    })
    void endOfWorkingDays(java.time.OffsetDateTime arrived, int workingDays, java.time.OffsetDateTime end) {
        Instant ends = calendar.endOfWorkingDays(arrived.toInstant(), workingDays);

        assertThat(ends).isEqualTo(end.toInstant());
    }

    @Test
    void daysDeclaredInConfigurationMoveTheDates() {
        // the Government declares Friday 20/11/2026 off and Saturday 7/11/2026 a working day
        WorkingDayCalendar declared = new CalendarProperties(
                        null,
                        null,
                        List.of(new CalendarProperties.DeclaredDay(LocalDate.of(2026, 11, 20), null)),
                        List.of(new CalendarProperties.DeclaredDay(LocalDate.of(2026, 11, 7), null)))
                .calendar();

        assertThat(declared.isWorkingDay(LocalDate.of(2026, 11, 20))).isFalse();
        assertThat(declared.isWorkingDay(LocalDate.of(2026, 11, 7))).isTrue();
        assertThat(declared.nextWorkingDayAt(Instant.parse("2026-11-19T09:00:00Z"), LocalTime.of(10, 0)))
                .isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(declared.holidays(2026))
                .filteredOn(h -> h.date().getMonthValue() == 11)
                .extracting(Holiday::name)
                .containsExactly("Làm bù", "Nghỉ hoán đổi");
    }
}
