package vn.egov.reporting.regime;

import java.util.Optional;
import vn.egov.reporting.period.Frequency;

/**
 * Tần suất báo cáo — how often a regime's report is due: periodic (month, quarter, half-year, year, with the
 * cut-off windows of Decree 09/2019 art. 12) or ad hoc (đột xuất, periods set by the issuing body).
 */
public enum RegimeFrequency {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR,
    AD_HOC;

    /** The periodic frequency of the cut-off calendar, empty for ad hoc regimes. */
    public Optional<Frequency> periodic() {
        return this == AD_HOC ? Optional.empty() : Optional.of(Frequency.valueOf(name()));
    }
}
