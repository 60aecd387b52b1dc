package vn.egov.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decree's arithmetic: index scores to one decimal, total, classification thresholds; the period forms. */
class AgencyScoresTest {

    @Test
    void indexScoresAreSumsOverDossiersToOneDecimalAndTheTotalClassifiesTheAgency() {
        AgencyScores.AgencyScore score = AgencyScores.score(
                "000.00.00.H57", "UBND thành phố Huế", 3, List.of(5L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 3L));
        assertThat(score.indexScores().get(0)).isEqualByComparingTo("1.7");
        assertThat(score.indexScores().get(8)).isEqualByComparingTo("1.0");
        assertThat(score.total()).isEqualByComparingTo("16.7");
        assertThat(score.classification()).isEqualTo(AgencyClassification.EXCELLENT);
        assertThat(score.classificationLabel()).isEqualTo("Xuất sắc");
    }

    @Test
    void theClassificationBoundariesAreThoseOfTheDecree() {
        assertThat(AgencyClassification.of(new BigDecimal("18"))).isEqualTo(AgencyClassification.EXCELLENT);
        assertThat(AgencyClassification.of(new BigDecimal("15.0"))).isEqualTo(AgencyClassification.EXCELLENT);
        assertThat(AgencyClassification.of(new BigDecimal("14.9"))).isEqualTo(AgencyClassification.GOOD);
        assertThat(AgencyClassification.of(new BigDecimal("12.0"))).isEqualTo(AgencyClassification.GOOD);
        assertThat(AgencyClassification.of(new BigDecimal("11.9"))).isEqualTo(AgencyClassification.FAIR);
        assertThat(AgencyClassification.of(new BigDecimal("9.0"))).isEqualTo(AgencyClassification.FAIR);
        assertThat(AgencyClassification.of(new BigDecimal("8.9"))).isEqualTo(AgencyClassification.AVERAGE);
        assertThat(AgencyClassification.of(new BigDecimal("6.0"))).isEqualTo(AgencyClassification.AVERAGE);
        assertThat(AgencyClassification.of(new BigDecimal("5.9"))).isEqualTo(AgencyClassification.WEAK);
        assertThat(AgencyClassification.of(BigDecimal.ZERO)).isEqualTo(AgencyClassification.WEAK);
    }

    @Test
    void periodsAreMonthsQuartersOrYears() {
        assertThat(RatingPeriod.parse("2026-02"))
                .isEqualTo(new RatingPeriod("2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(RatingPeriod.parse("2026-Q4"))
                .isEqualTo(new RatingPeriod("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(RatingPeriod.parse("2026"))
                .isEqualTo(new RatingPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(RatingPeriod.parse("2026-13")).isNull();
        assertThat(RatingPeriod.parse("2026-Q5")).isNull();
        assertThat(RatingPeriod.parse("tháng 11")).isNull();
    }
}
