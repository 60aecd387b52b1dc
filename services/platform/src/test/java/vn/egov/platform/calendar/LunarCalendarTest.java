package vn.egov.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "2020, 2020-01-25",
        "2021, 2021-02-12",
        "2022, 2022-02-01",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
        "2028, 2028-01-26",
        // the new moon falls at 23:07 in Hanoi, 00:07 in Beijing: Tết is a day before the Chinese New Year
        "2030, 2030-02-02"
    })
    void tetFallsOnTheKnownDates(int year, LocalDate tet) {
        assertThat(LunarCalendar.toSolar(1, 1, year)).isEqualTo(tet);
    }

    @ParameterizedTest(name = "Giỗ Tổ Hùng Vương {0} is {1}")
    @CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKingsCommemorationIsTheTenthDayOfTheThirdMonth(int year, LocalDate date) {
        // 2023 has a leap second month: the conversion must skip it
        assertThat(LunarCalendar.toSolar(10, 3, year)).isEqualTo(date);
    }

    @ParameterizedTest
    @CsvSource({"2025, 2026-02-16", "2023, 2024-02-09"})
    void lastDayOfTheLunarYearIsTheEveOfTet(int lunarYear, LocalDate eve) {
        assertThat(LunarCalendar.lastDayOfYear(lunarYear)).isEqualTo(eve);
    }
}
