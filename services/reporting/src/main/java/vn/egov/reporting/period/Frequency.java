package vn.egov.reporting.period;

/** Kỳ báo cáo — how often a periodic report is due (Decree 09/2019 art. 12). */
public enum Frequency {
    MONTH(1),
    QUARTER(3),
    HALF_YEAR(6),
    YEAR(12);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** The number of reporting months the period spans. */
    public int months() {
        return months;
    }
}
