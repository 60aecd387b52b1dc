package vn.egov.reporting.regime;

/** Kiểu dữ liệu của chỉ tiêu — the type of an indicator's value. */
public enum IndicatorType {
    /** A whole number (counts of dossiers, documents, services). */
    INTEGER,
    /** Any number (money, averages). */
    DECIMAL,
    /** A share from 0 to 100 unless the indicator narrows it. */
    PERCENT,
    /** Free text (reasons, proposals). */
    TEXT,
    /** Yes or no. */
    BOOLEAN
}
