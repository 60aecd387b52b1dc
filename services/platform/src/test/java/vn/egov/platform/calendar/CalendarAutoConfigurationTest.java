package vn.egov.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class CalendarAutoConfigurationTest {

    final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CalendarAutoConfiguration.class));

    @Test
    void everyServiceGetsTheCalendarWithTheDaysDeclaredInItsConfiguration() {
        runner.withPropertyValues(
                        "egov.calendar.national-day-companion=--09-03",
                        "egov.calendar.days-off[0].date=2026-11-20",
                        "egov.calendar.days-off[0].name=Nghỉ theo Quyết định của Thủ tướng",
                        "egov.calendar.working-days[0].date=2026-11-07")
                .run(context -> {
                    WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
                    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 20)))
                            .isFalse();
                    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 7))).isTrue();
                    // 2/9/2026 is a Wednesday, its companion is 3/9 here instead of 1/9
                    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 1))).isTrue();
                    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 3))).isFalse();
                    assertThat(calendar.holidays(2026))
                            .filteredOn(h -> h.date().equals(LocalDate.of(2026, 11, 20)))
                            .extracting(Holiday::name)
                            .containsExactly("Nghỉ theo Quyết định của Thủ tướng");
                });
    }

    @Test
    void aDayDeclaredBothOffAndWorkingStopsTheServiceFromStarting() {
        runner.withPropertyValues(
                        "egov.calendar.days-off[0].date=2026-11-07", "egov.calendar.working-days[0].date=2026-11-07")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("2026-11-07 is declared both a day off and a working day"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "egov.portal.calendar.swaps[0].date=2026-11-07",
                "egov.portal.calendar.national-day-companion=--09-03",
                "egov.portal.calendar.cut-off=16:00"
            })
    void aFormerPortalCalendarKeyStopsTheServiceAndNamesTheNewKeys(String former) {
        runner.withPropertyValues(former, "egov.calendar.days-off[0].date=2026-11-20")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(former.substring(0, former.indexOf('=')))
                        .hasMessageContaining("egov.calendar.days-off")
                        .hasMessageContaining("egov.calendar.working-days")
                        .hasMessageContaining("egov.calendar.national-day-companion")
                        .hasMessageContaining("egov.calendar.cut-off"));
    }

    @Test
    void aFormerKeyInTheEnvironmentIsRecognisedToo() {
        // a key that only starts with the same letters is not one of them
        runner.withPropertyValues("egov.portal.calendar-note=unrelated")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "systemEnvironment", Map.of("EGOV_PORTAL_CALENDAR_SWAPS_0_DATE", "2026-11-07"))))
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("egov.portal.calendar.swaps[0].date"));
    }

    @Test
    void withoutConfigurationTheLabourCodeHolidaysApply() {
        runner.run(context -> {
            WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
        });
    }
}
