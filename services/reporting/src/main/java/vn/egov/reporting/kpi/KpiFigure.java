package vn.egov.reporting.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One indicator's figure against its target.
 *
 * @param code the indicator
 * @param name its Vietnamese name
 * @param unit PERCENT, COUNT or SCORE
 * @param value the rate in percent (1 decimal), the count, or the average score (1 decimal); null when nothing
 *     was counted
 * @param numerator the counted cases (the count itself for a COUNT; the sum of scores for the SCORE)
 * @param denominator the cases it is a share of (rated dossiers for the SCORE); null for a COUNT
 * @param target the target in the same unit; null when none is set
 * @param direction whether the target is a floor (AT_LEAST) or a ceiling (AT_MOST)
 * @param met whether the value reaches the target; null without a value or a target
 */
public record KpiFigure(
        Indicator code,
        String name,
        Indicator.Unit unit,
        BigDecimal value,
        long numerator,
        Long denominator,
        Double target,
        Indicator.Direction direction,
        Boolean met) {

    static KpiFigure of(Indicator indicator, String name, KpiCounts counts, Double target) {
        long numerator = counts.numerator(indicator);
        long denominator = counts.denominator(indicator);
        BigDecimal value;
        if (indicator.unit() == Indicator.Unit.COUNT) {
            value = BigDecimal.valueOf(numerator);
        } else if (denominator == 0) {
            value = null;
        } else {
            BigDecimal scale = indicator.unit() == Indicator.Unit.PERCENT ? BigDecimal.valueOf(100) : BigDecimal.ONE;
            value = BigDecimal.valueOf(numerator)
                    .multiply(scale)
                    .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        }
        Boolean met = null;
        if (value != null && target != null) {
            int cmp = value.compareTo(BigDecimal.valueOf(target));
            met = indicator.direction() == Indicator.Direction.AT_LEAST ? cmp >= 0 : cmp <= 0;
        }
        return new KpiFigure(
                indicator,
                name,
                indicator.unit(),
                value,
                numerator,
                indicator.unit() == Indicator.Unit.COUNT ? null : denominator,
                target,
                indicator.direction(),
                met);
    }
}
