package vn.egov.interchange.status;

import java.util.EnumSet;
import java.util.Set;

/**
 * Quy tắc chuyển trạng thái — which status a delivery may take next. Recipients report 01 arrived, then 02 refused or
 * 03 accepted, then 04 assigned / 05 in process, then 06 completed (never 06 before 03; nothing after 02 or 06). The
 * original sender may recall (13) a delivery that is not already recalled or awaiting an answer; the recipient
 * answers 15 (agreed: the delivery is recalled) or 16 (refused).
 */
public final class StatusRules {

    private StatusRules() {}

    /** What a delivery is now: its last processing status (null before any), recall pending, recalled. */
    public record Current(StatusCode status, boolean recallPending, boolean recalled) {}

    /** Null when allowed, otherwise the Vietnamese reason. */
    public static String refusal(Current current, StatusCode next) {
        if (current.recalled()) {
            return "Văn bản đã được thu hồi ở cơ quan nhận; không nhận thêm trạng thái " + next.label() + ".";
        }
        StatusCode status = current.status();
        return switch (next) {
            case ARRIVED -> status == null ? null : "Đã báo " + status.label() + ", không báo lại 01 (đã đến).";
            case REFUSED, ACCEPTED ->
                status == null || status == StatusCode.ARRIVED
                        ? null
                        : "Không thể chuyển từ " + status.label() + " sang " + next.label() + ".";
            case ASSIGNED, IN_PROCESS, COMPLETED ->
                after(status, next, EnumSet.of(StatusCode.ACCEPTED, StatusCode.ASSIGNED, StatusCode.IN_PROCESS));
            case RECALL -> current.recallPending() ? "Đang chờ cơ quan nhận trả lời yêu cầu thu hồi trước đó." : null;
            case RECALL_AGREED, RECALL_REFUSED ->
                current.recallPending() ? null : "Không có yêu cầu thu hồi (13) nào đang chờ trả lời.";
        };
    }

    private static String after(StatusCode status, StatusCode next, Set<StatusCode> allowedFrom) {
        if (status != null && allowedFrom.contains(status)) {
            return null;
        }
        return "Không thể chuyển từ " + (status == null ? "chưa có trạng thái" : status.label()) + " sang "
                + next.label() + ": cần 03 (đã tiếp nhận) trước.";
    }
}
