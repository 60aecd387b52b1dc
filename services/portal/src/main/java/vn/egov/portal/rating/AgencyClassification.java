package vn.egov.portal.rating;

import java.math.BigDecimal;

/**
 * Xếp loại cơ quan: the classification of an agency by its total score, the sum of its 9 index scores (max 18):
 * ≥ 15 excellent, 12 to < 15 good, 9 to < 12 fair, 6 to < 9 average, < 6 weak (NĐ 61/2018, TT 01/2018).
 */
public enum AgencyClassification {
    EXCELLENT("Xuất sắc", 15),
    GOOD("Tốt", 12),
    FAIR("Khá", 9),
    AVERAGE("Trung bình", 6),
    WEAK("Yếu", 0);

    private final String label;
    private final BigDecimal from;

    AgencyClassification(String label, int from) {
        this.label = label;
        this.from = BigDecimal.valueOf(from);
    }

    public String label() {
        return label;
    }

    public static AgencyClassification of(BigDecimal total) {
        for (AgencyClassification c : values()) {
            if (total.compareTo(c.from) >= 0) {
                return c;
            }
        }
        return WEAK;
    }
}
