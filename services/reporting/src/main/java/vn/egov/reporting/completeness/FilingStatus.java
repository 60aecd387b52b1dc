package vn.egov.reporting.completeness;

/** Tình hình gửi báo cáo của một cơ quan trong một kỳ. */
public enum FilingStatus {
    /** Đã gửi đúng hạn: the first filing came by the deadline. */
    ON_TIME,
    /** Gửi muộn: the first filing came after the deadline. */
    LATE,
    /** Chưa gửi: nothing filed yet (overdue once the deadline has passed). */
    MISSING
}
