package vn.egov.reporting.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.reporting.period.ReportingPeriod;

/** The rules of a regime without infrastructure: its periods and deadlines, and how values are checked. */
class RegimeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Indicator RECEIVED = new Indicator(
            "DOSSIERS_RECEIVED",
            "Số hồ sơ tiếp nhận",
            "hồ sơ",
            IndicatorType.INTEGER,
            true,
            BigDecimal.ZERO,
            null,
            null,
            Aggregation.SUM);
    static final Indicator RATE = new Indicator(
            "ON_TIME_RATE", "Tỷ lệ đúng hạn", "%", IndicatorType.PERCENT, true, null, null, null, Aggregation.AVERAGE);
    static final Indicator BUDGET = new Indicator(
            "IT_BUDGET",
            "Kinh phí",
            "triệu đồng",
            IndicatorType.DECIMAL,
            false,
            BigDecimal.ZERO,
            new BigDecimal("1000000"),
            null,
            Aggregation.SUM);
    static final Indicator REASONS =
            new Indicator("REASONS", "Nguyên nhân", null, IndicatorType.TEXT, false, null, null, 10, Aggregation.NONE);
    static final Indicator CONNECTED = new Indicator(
            "CONNECTED", "Đã kết nối", null, IndicatorType.BOOLEAN, true, null, null, null, Aggregation.NONE);

    static Regime regime(RegimeFrequency frequency, Integer deadlineDay, List<ReportingPeriod> adHoc) {
        return new Regime(
                "TEST",
                "Báo cáo thử",
                "Nghị định 09/2019/NĐ-CP",
                frequency,
                deadlineDay,
                "000.00.00.G22",
                List.of(new AssignedAgency("000.00.00.H57", "UBND tỉnh Thừa Thiên Huế", "baocao@hue.egov.test")),
                List.of("I. Kết quả"),
                List.of(new DataTable("BIEU_01", "Biểu 01", List.of(RECEIVED, RATE, BUDGET, REASONS, CONNECTED))),
                adHoc,
                1,
                null);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aMonthlyPeriodRunsFromThe15thToThe14thAndIsDueOnTheRegimesDay() {
        ReportingPeriod november =
                regime(RegimeFrequency.MONTH, 20, List.of()).period("2026-11").orElseThrow();
        assertThat(november.from()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(november.to()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(november.deadline()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void labelsOfAnotherFrequencyOrMalformedAreNotPeriods() {
        Regime monthly = regime(RegimeFrequency.MONTH, 20, List.of());
        assertThat(monthly.period("2026-13")).isEmpty();
        assertThat(monthly.period("2026-Q4")).isEmpty();
        assertThat(monthly.period("11/2026")).isEmpty();
        assertThat(regime(RegimeFrequency.QUARTER, 25, List.of()).period("2026-Q4"))
                .map(ReportingPeriod::from)
                .contains(LocalDate.of(2026, 9, 15));
    }

    @Test
    void theDueListCrossesTheYearAsTheDecember15To31RuleSays() {
        Regime monthly = regime(RegimeFrequency.MONTH, 20, List.of());
        assertThat(monthly.periodsDueBetween(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 20)))
                .extracting(ReportingPeriod::period)
                .containsExactly("2026-11");
        assertThat(monthly.periodsDueBetween(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 24)))
                .isEmpty();
        assertThat(monthly.periodsDueBetween(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 20)))
                .extracting(ReportingPeriod::period)
                .containsExactly("2027-01");
        Regime yearly = regime(RegimeFrequency.YEAR, 25, List.of());
        assertThat(yearly.periodsDueBetween(LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 25)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.period()).isEqualTo("2026");
                    assertThat(p.from()).isEqualTo(LocalDate.of(2025, 12, 15));
                    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 12, 14));
                });
    }

    @Test
    void anAdHocRegimeHasOnlyTheRoundsItLists() {
        ReportingPeriod round = new ReportingPeriod(
                "DOT-1", null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 12));
        Regime adHoc = regime(RegimeFrequency.AD_HOC, null, List.of(round));
        assertThat(adHoc.period("DOT-1")).contains(round);
        assertThat(adHoc.period("2026-11")).isEmpty();
        assertThat(adHoc.periodsDueBetween(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 12)))
                .containsExactly(round);
    }

    @Test
    void eachTypeAcceptsOnlyItsValues() {
        assertThat(RECEIVED.check(json("12"))).isEmpty();
        assertThat(RECEIVED.check(json("12.0"))).isEmpty();
        assertThat(RECEIVED.check(json("12.5"))).contains("Giá trị phải là số nguyên.");
        assertThat(RECEIVED.check(json("\"12\""))).contains("Giá trị phải là số nguyên.");
        assertThat(RECEIVED.check(json("-1"))).contains("Giá trị nhỏ hơn mức tối thiểu 0.");
        assertThat(RECEIVED.check(null)).contains("Chỉ tiêu bắt buộc phải có giá trị.");
        assertThat(RATE.check(json("100"))).isEmpty();
        assertThat(RATE.check(json("100.01"))).contains("Tỷ lệ phần trăm phải từ 0 đến 100.");
        assertThat(BUDGET.check(json("1520.75"))).isEmpty();
        assertThat(BUDGET.check(json("2000000"))).contains("Giá trị lớn hơn mức tối đa 1000000.");
        assertThat(BUDGET.check(json("null"))).isEmpty();
        assertThat(REASONS.check(json("\"Thiếu người\""))).contains("Văn bản dài quá 10 ký tự.");
        assertThat(REASONS.check(json("5"))).contains("Giá trị phải là văn bản.");
        assertThat(CONNECTED.check(json("false"))).isEmpty();
        assertThat(CONNECTED.check(json("\"true\""))).contains("Giá trị phải là true hoặc false.");
    }

    @Test
    void aReportNamesEveryIndicatorAtFaultAndUnknownCodes() {
        Regime monthly = regime(RegimeFrequency.MONTH, 20, List.of());
        assertThat(monthly.check(json("""
                        {"DOSSIERS_RECEIVED":3,"ON_TIME_RATE":98.5,"CONNECTED":true}"""))).isEmpty();
        assertThat(monthly.check(json("""
                        {"DOSSIERS_RECEIVED":3,"CONNECTED":1,"KHAC":2}"""))).containsOnlyKeys("values.ON_TIME_RATE", "values.CONNECTED", "values.KHAC");
    }
}
