package vn.egov.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiFigureTest {

    private static KpiCounts filed(long filed, long online) {
        return new KpiCounts(filed, online, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aRateIsAPercentageToOneDecimalAgainstItsTarget() {
        KpiFigure f = KpiFigure.of(Indicator.ONLINE_FILING, "x", filed(3, 1), 30.0);
        assertThat(f.value()).isEqualByComparingTo("33.3");
        assertThat(f.met()).isTrue();
        assertThat(KpiFigure.of(Indicator.ONLINE_FILING, "x", filed(3, 0), 30.0).met())
                .isFalse();
    }

    @Test
    void withNothingCountedThereIsNoValueAndNoVerdict() {
        KpiFigure f = KpiFigure.of(Indicator.ONLINE_FILING, "x", KpiCounts.ZERO, 50.0);
        assertThat(f.value()).isNull();
        assertThat(f.met()).isNull();
        assertThat(f.denominator()).isZero();
    }

    @Test
    void theOverdueCountIsACeilingNotARate() {
        KpiCounts counts = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0);
        KpiFigure f = KpiFigure.of(Indicator.OVERDUE, "x", counts, 5.0);
        assertThat(f.value()).isEqualByComparingTo("4");
        assertThat(f.denominator()).isNull();
        assertThat(f.met()).isTrue();
        assertThat(KpiFigure.of(Indicator.OVERDUE, "x", counts, 3.0).met()).isFalse();
    }

    @Test
    void satisfactionIsTheAverageTotalOutOfEighteen() {
        KpiCounts counts = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 50, 0, 0, 0, 0);
        assertThat(KpiFigure.of(Indicator.SATISFACTION, "x", counts, null).value())
                .isEqualByComparingTo("16.7");
    }

    @Test
    void onlineFilingTargetsFollowResolution17() {
        KpiProperties properties = new KpiProperties("g", null, null, 20, "000.00.00.G22", 5, null);
        assertThat(properties.target(Indicator.ONLINE_FILING, 2020)).isEqualTo(20.0);
        assertThat(properties.target(Indicator.ONLINE_FILING, 2025)).isEqualTo(50.0);
        assertThat(properties.target(Indicator.LEVEL4_SERVICES, 2026)).isEqualTo(30.0);
        assertThat(properties.target(Indicator.ELECTRONIC_DOCUMENTS, 2026)).isEqualTo(90.0);
        assertThat(properties.target(Indicator.ON_TIME, 2026)).isNull();
    }
}
