package vn.egov.portal.workflow;

import static vn.egov.portal.dossier.DossierStatus.ACCEPTED;
import static vn.egov.portal.dossier.DossierStatus.DONE;
import static vn.egov.portal.dossier.DossierStatus.IN_PROCESS;
import static vn.egov.portal.dossier.DossierStatus.NEW;
import static vn.egov.portal.dossier.DossierStatus.PAYMENT_REQUESTED;
import static vn.egov.portal.dossier.DossierStatus.REFUSED;
import static vn.egov.portal.dossier.DossierStatus.RETURNED;
import static vn.egov.portal.dossier.DossierStatus.STOPPED;
import static vn.egov.portal.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.egov.portal.dossier.DossierStatus.WITHDRAWN;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.egov.portal.dossier.DossierStatus;

/**
 * Bước xử lý hồ sơ một cửa (NĐ 61/2018, TT 01/2018): each step of the one-stop workflow, who performs it, the
 * statuses it may start from and the status it leads to ({@code null}: the status stays, e.g. an assignment).
 */
public enum DossierAction {
    /** Tiếp nhận: the dossier is complete, the clock starts (Giấy tiếp nhận và hẹn trả kết quả). */
    RECEIVE("receive", Performer.DESK, EnumSet.of(NEW), ACCEPTED),
    /** Yêu cầu bổ sung, hoàn thiện hồ sơ: one request listing everything missing. */
    REQUEST_SUPPLEMENT(
            "request-supplement", Performer.DESK, EnumSet.of(NEW, ACCEPTED, IN_PROCESS), SUPPLEMENT_REQUESTED),
    /** Công dân bổ sung hồ sơ: the request is complete, the clock restarts. */
    SUPPLEMENT("supplement", Performer.CITIZEN, EnumSet.of(SUPPLEMENT_REQUESTED), ACCEPTED),
    /** Từ chối (Phiếu từ chối tiếp nhận, giải quyết hồ sơ), with its reason. */
    REFUSE("refuse", Performer.DESK, EnumSet.of(NEW, ACCEPTED, IN_PROCESS, SUPPLEMENT_REQUESTED), REFUSED),
    /** Phân công: hands the dossier to an officer of the same agency. */
    ASSIGN(
            "assign",
            Performer.DESK,
            EnumSet.of(NEW, ACCEPTED, IN_PROCESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED),
            null),
    /** Xử lý: the officer starts processing. */
    PROCESS("process", Performer.DESK, EnumSet.of(ACCEPTED), IN_PROCESS),
    /** Yêu cầu thực hiện nghĩa vụ tài chính: only for procedures with fees. */
    REQUEST_PAYMENT("request-payment", Performer.DESK, EnumSet.of(IN_PROCESS), PAYMENT_REQUESTED),
    /** Đã thực hiện nghĩa vụ tài chính: the payment platform settled the fees. */
    PAID("paid", Performer.SYSTEM, EnumSet.of(PAYMENT_REQUESTED), IN_PROCESS),
    /** Hoàn thành: the agency's signed e-result is issued. */
    COMPLETE("complete", Performer.DESK, EnumSet.of(IN_PROCESS), DONE),
    /** Trả kết quả. */
    RETURN("return", Performer.DESK, EnumSet.of(DONE), RETURNED),
    /** Công dân rút hồ sơ: any time before the result is done. */
    WITHDRAW(
            "withdraw",
            Performer.CITIZEN,
            EnumSet.of(NEW, ACCEPTED, IN_PROCESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED),
            WITHDRAWN),
    /** Dừng xử lý, with its reason. */
    STOP("stop", Performer.DESK, EnumSet.of(ACCEPTED, IN_PROCESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED), STOPPED),
    /** Phiếu xin lỗi và hẹn lại ngày trả kết quả: a new date, at most once, while the clock runs. */
    APOLOGY("apology", Performer.DESK, EnumSet.of(ACCEPTED, IN_PROCESS, PAYMENT_REQUESTED), null),
    /** Chuyển liên thông: sends the dossier to another agency through the interchange. */
    TRANSFER("transfer", Performer.DESK, EnumSet.of(IN_PROCESS), null);

    /** Who may perform a step. */
    public enum Performer {
        /** officers and clerks of the competent agency (bộ phận một cửa, cán bộ xử lý) */
        DESK,
        /** the citizen who owns the dossier */
        CITIZEN,
        /** another system: the payment platform, the interchange */
        SYSTEM
    }

    private final String path;
    private final Performer performer;
    private final Set<DossierStatus> from;
    private final DossierStatus to;

    DossierAction(String path, Performer performer, Set<DossierStatus> from, DossierStatus to) {
        this.path = path;
        this.performer = performer;
        this.from = from;
        this.to = to;
    }

    /** The action's name in the API ({@code POST .../{path}}). */
    public String path() {
        return path;
    }

    public Performer performer() {
        return performer;
    }

    public boolean allowedFrom(DossierStatus status) {
        return status != null && from.contains(status);
    }

    /** The status after the step from {@code current}. */
    public DossierStatus target(DossierStatus current) {
        return to == null ? current : to;
    }

    public static Optional<DossierAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }

    /** The actions a performer may take on a dossier in {@code status}, by API name. */
    public static List<String> allowed(DossierStatus status, Performer performer) {
        return Arrays.stream(values())
                .filter(a -> a.performer == performer && a.allowedFrom(status))
                .map(DossierAction::path)
                .toList();
    }
}
