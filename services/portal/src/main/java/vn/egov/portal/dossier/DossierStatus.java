package vn.egov.portal.dossier;

import java.util.Arrays;

/**
 * Trạng thái hồ sơ: the dossier statuses of the national public-service portal (DVCQG {@code TrangThaiHoSo},
 * values 1–10), one-to-one. A dossier that has not been submitted yet is a draft and has no status.
 */
public enum DossierStatus {
    /** 1 — Mới: submitted, waiting for the one-stop desk. */
    NEW(1, "Mới tiếp nhận"),
    /** 2 — Đã tiếp nhận: accepted as complete; the clock runs. */
    ACCEPTED(2, "Đã tiếp nhận"),
    /** 3 — Không được tiếp nhận / từ chối. */
    REFUSED(3, "Từ chối tiếp nhận"),
    /** 4 — Đang xử lý. */
    IN_PROCESS(4, "Đang xử lý"),
    /** 5 — Yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung hồ sơ"),
    /** 6 — Yêu cầu thực hiện nghĩa vụ tài chính. */
    PAYMENT_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    /** 7 — Công dân rút hồ sơ. */
    WITHDRAWN(7, "Công dân rút hồ sơ"),
    /** 8 — Dừng xử lý. */
    STOPPED(8, "Dừng xử lý"),
    /** 9 — Đã xử lý xong: the result is ready. */
    DONE(9, "Đã có kết quả"),
    /** 10 — Đã trả kết quả. */
    RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The national portal's value, 1–10. */
    public int code() {
        return code;
    }

    /** The Vietnamese name shown to citizens and officers. */
    public String label() {
        return label;
    }

    /** Processing has ended (NgayKetThucXuLy is set): done, refused or stopped. */
    public boolean endsProcessing() {
        return this == DONE || this == REFUSED || this == STOPPED;
    }

    /** No further step is possible. */
    public boolean isFinal() {
        return this == RETURNED || this == REFUSED || this == STOPPED || this == WITHDRAWN;
    }

    public static DossierStatus of(int code) {
        return Arrays.stream(values())
                .filter(s -> s.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dossier status " + code));
    }
}
