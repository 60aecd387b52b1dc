package vn.egov.portal.rating;

/**
 * Chỉ số đánh giá: the 9 indices on which a citizen rates the handling of a dossier, each scored 0, 1 or 2 (NĐ
 * 61/2018 Điều 30, TT 01/2018 Điều 13–15). The names follow our reading of the decree's list; the standards notes
 * confirm the count and the scoring, not the wording.
 */
public enum RatingIndex {
    TOTAL_TIME("Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định"),
    AGENCY_TIME("Thời gian thực hiện tại từng cơ quan, đơn vị tham gia giải quyết so với quy định"),
    CONTACTS_TO_COMPLETE("Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ"),
    AGENCIES_TO_CONTACT("Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ"),
    ONLINE_OR_POSTAL("Thực hiện tiếp nhận hồ sơ và trả kết quả qua dịch vụ công trực tuyến hoặc bưu chính công ích"),
    PUBLICITY("Công khai, minh bạch thủ tục hành chính theo quy định"),
    ATTITUDE("Thái độ, tinh thần trách nhiệm của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ"),
    RESULT("Kết quả giải quyết thủ tục hành chính đúng quy định"),
    FEEDBACK_HANDLING("Tiếp nhận, xử lý phản ánh, kiến nghị về giải quyết thủ tục hành chính");

    private final String label;

    RatingIndex(String label) {
        this.label = label;
    }

    /** 1–9, the index's number in the decree's list. */
    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }
}
