package vn.egov.reporting.regime;

/** Cách tổng hợp — how the values filed by several agencies combine into one national figure. */
public enum Aggregation {
    SUM,
    AVERAGE,
    MAX,
    /** Not aggregated (text, yes/no): read per agency. */
    NONE
}
