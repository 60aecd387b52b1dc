package vn.egov.interchange.status;

import java.util.Arrays;
import java.util.Optional;

/** Mã trạng thái — the status codes of edXML status packages (vn-standards §1.5). */
public enum StatusCode {
    ARRIVED("01", "đã đến", Reporter.RECIPIENT),
    REFUSED("02", "từ chối tiếp nhận", Reporter.RECIPIENT),
    ACCEPTED("03", "đã tiếp nhận", Reporter.RECIPIENT),
    ASSIGNED("04", "phân công", Reporter.RECIPIENT),
    IN_PROCESS("05", "đang xử lý", Reporter.RECIPIENT),
    COMPLETED("06", "hoàn thành", Reporter.RECIPIENT),
    RECALL("13", "lấy lại / thu hồi", Reporter.SENDER),
    RECALL_AGREED("15", "đồng ý thu hồi", Reporter.RECIPIENT),
    RECALL_REFUSED("16", "từ chối thu hồi", Reporter.RECIPIENT);

    /** Who may send the code: the original sender or a recipient. */
    public enum Reporter {
        SENDER,
        RECIPIENT
    }

    private final String code;
    private final String meaning;
    private final Reporter reporter;

    StatusCode(String code, String meaning, Reporter reporter) {
        this.code = code;
        this.meaning = meaning;
        this.reporter = reporter;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public Reporter reporter() {
        return reporter;
    }

    public String label() {
        return code + " (" + meaning + ")";
    }

    public static Optional<StatusCode> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
