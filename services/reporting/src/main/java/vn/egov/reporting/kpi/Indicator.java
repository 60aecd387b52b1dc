package vn.egov.reporting.kpi;

/**
 * Chỉ tiêu — an indicator Resolution 17/NQ-CP (and the monitoring index built on it) sets or implies a target
 * for. Its Vietnamese name is the message {@code kpi.<CODE>.name}. Rates are percentages of a numerator over a
 * denominator; {@link #OVERDUE} is a count and {@link #SATISFACTION} an average score out of 18.
 */
public enum Indicator {
    /** Tỷ lệ hồ sơ nộp trực tuyến: dossiers filed online over dossiers filed. */
    ONLINE_FILING(Unit.PERCENT, Direction.AT_LEAST),
    /** Tỷ lệ dịch vụ công mức độ 4: services (agency × procedure with dossiers) offered at level 4. */
    LEVEL4_SERVICES(Unit.PERCENT, Direction.AT_LEAST),
    /** Tỷ lệ hồ sơ trực tuyến toàn trình: dossiers of fully online (toàn trình) procedures over dossiers filed. */
    FULLY_ONLINE_DOSSIERS(Unit.PERCENT, Direction.AT_LEAST),
    /** Tỷ lệ hồ sơ giải quyết đúng hạn: dossiers done (status 9/10) by their due date over dossiers done. */
    ON_TIME(Unit.PERCENT, Direction.AT_LEAST),
    /** Số hồ sơ quá hạn: dossiers due in the period that were not done by their due date. */
    OVERDUE(Unit.COUNT, Direction.AT_MOST),
    /** Tỷ lệ thanh toán trực tuyến: payments made through the payment platform over payments made. */
    ONLINE_PAYMENT(Unit.PERCENT, Direction.AT_LEAST),
    /** Mức độ hài lòng: the average of the 9 indices' total (0–18) of NĐ 61/2018 Điều 27–32. */
    SATISFACTION(Unit.SCORE, Direction.AT_LEAST),
    /** Tỷ lệ văn bản điện tử: deliveries acknowledged by the recipient's system over deliveries sent. */
    ELECTRONIC_DOCUMENTS(Unit.PERCENT, Direction.AT_LEAST),
    /** Tỷ lệ phản hồi trạng thái đúng hạn: deliveries answered (02–06) by the next working day. */
    FEEDBACK_ON_TIME(Unit.PERCENT, Direction.AT_LEAST);

    /** How a value is expressed. */
    public enum Unit {
        PERCENT,
        COUNT,
        SCORE
    }

    /** Whether the target is a floor or a ceiling. */
    public enum Direction {
        AT_LEAST,
        AT_MOST
    }

    private final Unit unit;
    private final Direction direction;

    Indicator(Unit unit, Direction direction) {
        this.unit = unit;
        this.direction = direction;
    }

    public Unit unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }
}
