package vn.egov.interchange.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.egov.interchange.status.LatenessRule.Awaits;
import vn.egov.platform.calendar.CalendarProperties;
import vn.egov.platform.calendar.WorkingDayCalendar;

/** Lateness rules in working time (the shared calendar, Vietnam time) and as plain durations. */
class LatenessTest {

    static final WorkingDayCalendar CALENDAR = new CalendarProperties(null, null, null, null).calendar();
    static final LatenessRule NEXT_WORKING_MORNING =
            LatenessRule.byNextWorkingDayAt("answered-by-next-working-morning", Awaits.ANSWERED, LocalTime.of(10, 0));
    static final LatenessRule ONE_WORKING_DAY =
            LatenessRule.withinWorkingDays("answered-in-1-working-day", Awaits.ANSWERED, 1);
    static final LatenessRule FOUR_HOURS =
            LatenessRule.within("delivered-within-4h", Awaits.DELIVERED, Duration.ofHours(4));

    static final Lateness.Progress NOTHING_YET = new Lateness.Progress(null, null, null);

    final Lateness lateness =
            new Lateness(new LatenessRules(List.of(FOUR_HOURS, NEXT_WORKING_MORNING, ONE_WORKING_DAY)), CALENDAR);

    /** The clock the timeline reads "now" from, set to a Vietnam time. */
    static Instant at(String vietnamTime) {
        return Clock.fixed(OffsetDateTime.parse(vietnamTime + "+07:00").toInstant(), WorkingDayCalendar.VIETNAM)
                .instant();
    }

    List<String> brokenRules(String sentAt, Lateness.Progress progress, String now) {
        return lateness.flags(at(sentAt), progress, at(now)).stream()
                .map(Lateness.LateFlag::rule)
                .filter(r -> !r.equals(FOUR_HOURS.name()))
                .toList();
    }

    @ParameterizedTest(name = "sent Friday 20/11 16:00, not answered, now {0}: late by {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-11-21T09:00 | ''",
                "2026-11-22T23:59 | ''",
                "2026-11-23T10:00 | ''",
                "2026-11-23T10:01 | answered-by-next-working-morning",
                "2026-11-23T23:59 | answered-by-next-working-morning",
                "2026-11-24T00:01 | answered-by-next-working-morning,answered-in-1-working-day"
            })
    void aDocumentArrivingOnFridayAfternoonIsJudgedOnMonday(String now, String expected) {
        assertThat(brokenRules("2026-11-20T16:00", NOTHING_YET, now))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void theFlagNamesTheRuleAndTheDeadline() {
        List<Lateness.LateFlag> flags =
                lateness.flags(at("2026-11-20T16:00"), NOTHING_YET, at("2026-11-23T10:01")).stream()
                        .filter(f -> f.rule().equals(NEXT_WORKING_MORNING.name()))
                        .toList();

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.awaits()).isEqualTo(Awaits.ANSWERED);
            assertThat(flag.deadline()).isEqualTo(at("2026-11-23T10:00"));
            assertThat(flag.doneAt()).isNull();
            assertThat(flag.limit()).isEqualTo("trước 10:00 ngày làm việc tiếp theo");
            assertThat(flag.message())
                    .isEqualTo("Chưa có trạng thái 03 (đã tiếp nhận) hoặc 02 (từ chối) trước 10:00 ngày làm việc"
                            + " tiếp theo (quy tắc answered-by-next-working-morning, hạn 10:00 23/11/2026).");
        });
    }

    @Test
    void anAnswerOnMondayMorningIsOnTimeAndOneAfterTenIsFlaggedWithItsTime() {
        var onTime = new Lateness.Progress(at("2026-11-20T16:05"), null, at("2026-11-23T09:30"));
        var tooLate = new Lateness.Progress(at("2026-11-20T16:05"), null, at("2026-11-23T10:25"));

        assertThat(lateness.flags(at("2026-11-20T16:00"), onTime, at("2026-11-30T12:00")))
                .isEmpty();
        assertThat(lateness.flags(at("2026-11-20T16:00"), tooLate, at("2026-11-30T12:00")))
                .singleElement()
                .satisfies(flag -> {
                    assertThat(flag.rule()).isEqualTo("answered-by-next-working-morning");
                    assertThat(flag.doneAt()).isEqualTo(at("2026-11-23T10:25"));
                    assertThat(flag.message())
                            .startsWith("Có trạng thái 03 (đã tiếp nhận) hoặc 02 (từ chối) lúc"
                                    + " 10:25 23/11/2026, không trước 10:00 ngày làm việc tiếp theo");
                });
    }

    @ParameterizedTest(name = "sent Friday 13/2/2026 (before Tết), not answered, now {0}: late by {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Tết Bính Ngọ: the eve 16/2 and 17–20/2 are holidays, then the weekend
                "2026-02-16T10:01 | ''",
                "2026-02-17T12:00 | ''",
                "2026-02-20T10:01 | ''",
                "2026-02-22T23:00 | ''",
                "2026-02-23T10:00 | ''",
                "2026-02-23T10:01 | answered-by-next-working-morning",
                "2026-02-24T00:01 | answered-by-next-working-morning,answered-in-1-working-day"
            })
    void aDocumentArrivingTheDayBeforeTetIsJudgedAfterTheHoliday(String now, String expected) {
        assertThat(brokenRules("2026-02-13T14:00", NOTHING_YET, now))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void daysTheGovernmentDeclaresOffMoveTheDeadline() {
        // Monday 23/11/2026 declared a day off: the next working morning is Tuesday
        WorkingDayCalendar declared = new CalendarProperties(
                        null,
                        null,
                        List.of(new CalendarProperties.DeclaredDay(java.time.LocalDate.of(2026, 11, 23), null)),
                        null)
                .calendar();
        Lateness withDeclaredDay = new Lateness(new LatenessRules(List.of(NEXT_WORKING_MORNING)), declared);

        assertThat(withDeclaredDay.flags(at("2026-11-20T16:00"), NOTHING_YET, at("2026-11-23T10:01")))
                .isEmpty();
        assertThat(withDeclaredDay.flags(at("2026-11-20T16:00"), NOTHING_YET, at("2026-11-24T10:01")))
                .extracting(Lateness.LateFlag::deadline)
                .containsExactly(at("2026-11-24T10:00"));
    }

    @Test
    void plainDurationsStillCountEveryHour() {
        // 4 h after Friday 16:00 is Friday 20:00, weekends or not
        assertThat(lateness.flags(at("2026-11-20T16:00"), NOTHING_YET, at("2026-11-20T20:00")))
                .isEmpty();
        assertThat(lateness.flags(at("2026-11-20T16:00"), NOTHING_YET, at("2026-11-20T20:01")))
                .singleElement()
                .satisfies(flag -> {
                    assertThat(flag.rule()).isEqualTo("delivered-within-4h");
                    assertThat(flag.deadline()).isEqualTo(at("2026-11-20T20:00"));
                    assertThat(flag.message())
                            .isEqualTo("Chưa có hệ thống nơi nhận nhận văn bản trong 4 giờ"
                                    + " (quy tắc delivered-within-4h, hạn 20:00 20/11/2026).");
                });
        var deliveredAtSeven = new Lateness.Progress(at("2026-11-20T19:00"), null, null);
        assertThat(lateness.flags(at("2026-11-20T16:00"), deliveredAtSeven, at("2026-11-20T20:01")))
                .isEmpty();
    }

    @Test
    void withoutConfigurationTheAxisWaitsFourHoursForTheSystemAndTheNextWorkingMorningForTheAnswer() {
        assertThat(new LatenessRules(null).rules())
                .extracting(LatenessRule::name, LatenessRule::limit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("delivered-within-4h", "trong 4 giờ"),
                        org.assertj.core.groups.Tuple.tuple(
                                "answered-by-next-working-morning", "trước 10:00 ngày làm việc tiếp theo"));
    }

    @Test
    void aRuleGivesExactlyOneLimit() {
        assertThatThrownBy(() -> new LatenessRule("r", Awaits.ANSWERED, Duration.ofHours(4), LocalTime.of(10, 0), null))
                .hasMessageContaining("exactly one of within, by-next-working-day-at, within-working-days");
        assertThatThrownBy(() -> new LatenessRule("r", Awaits.ANSWERED, null, null, null))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> LatenessRule.withinWorkingDays("r", Awaits.ANSWERED, 0))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new LatenessRules(List.of(FOUR_HOURS, FOUR_HOURS)))
                .hasMessageContaining("used twice");
    }
}
