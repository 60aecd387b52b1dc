package vn.egov.portal.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.platform.calendar.WorkingDayCalendar;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.dossier.Dossiers.Actor;
import vn.egov.portal.dossier.Dossiers.Change;
import vn.egov.portal.result.ResultDocuments;
import vn.egov.portal.workflow.DossierAction.Performer;
import vn.egov.portal.workflow.StepInput.MissingItem;

/**
 * Quy trình một cửa (NĐ 61/2018, TT 01/2018): the steps officers, citizens and other systems take on a dossier.
 * Each step locks the dossier, checks who may see it (an officer only its own agency's dossiers, a citizen only
 * their own), the version the caller read ({@code If-Match}), that the step is allowed from the current status,
 * then changes it through {@link Dossiers#change} — history line and event in the same transaction. A refused
 * step changes nothing.
 */
@Service
public class Workflow {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_TEXT = 4000;

    private final Dossiers dossiers;
    private final WorkingDayCalendar calendar;
    private final SupplementRequests supplements;
    private final DeskOfficers officers;
    private final ResultDocuments results;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<StepGuard> guards;

    public Workflow(
            Dossiers dossiers,
            WorkingDayCalendar calendar,
            SupplementRequests supplements,
            DeskOfficers officers,
            ResultDocuments results,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            ObjectProvider<StepGuard> guards) {
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.supplements = supplements;
        this.officers = officers;
        this.results = results;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.guards = guards;
    }

    /**
     * A desk step by an officer or clerk of the dossier's agency.
     *
     * @param expectedVersion the version the officer read (If-Match)
     */
    @Transactional
    public Dossier desk(UUID id, int expectedVersion, DossierAction action, Staff staff, StepInput input) {
        if (action.performer() != Performer.DESK || action == DossierAction.TRANSFER) {
            throw unknownAction(action.path());
        }
        Dossier dossier = lockForAgency(id, staff);
        checkVersion(dossier, expectedVersion);
        checkTransition(dossier, action, Performer.DESK);
        guard(dossier, action);
        Actor actor = new Actor(staff.username(), staff.agencyCode());
        StepInput in = input == null ? StepInput.none() : input;
        Instant now = clock.instant();
        String note = text("note", in.note(), false);
        return switch (action) {
            case RECEIVE -> receive(dossier, actor, note, now);
            case REQUEST_SUPPLEMENT -> requestSupplement(dossier, actor, note, in.items(), now);
            case REFUSE -> end(dossier, DossierStatus.REFUSED, action, actor, text("reason", in.reason(), true), now);
            case STOP -> end(dossier, DossierStatus.STOPPED, action, actor, text("reason", in.reason(), true), now);
            case ASSIGN -> assign(dossier, actor, note, in.assignee());
            case PROCESS ->
                dossiers.change(
                        dossier,
                        Change.to(DossierStatus.IN_PROCESS)
                                .assignedTo(dossier.assignee() == null ? staff.username() : null),
                        action.name(),
                        actor,
                        note,
                        Map.of());
            case REQUEST_PAYMENT -> requestPayment(dossier, actor, note);
            case COMPLETE -> complete(dossier, actor, text("decision", in.decision(), true), note, now);
            case RETURN ->
                dossiers.change(
                        dossier, Change.to(DossierStatus.RETURNED).returned(now), action.name(), actor, note, Map.of());
            case APOLOGY -> apologise(dossier, actor, text("reason", in.reason(), true), in.newDate(), now);
            default -> throw unknownAction(action.path());
        };
    }

    /** A step by the citizen who owns the dossier: supplement or withdraw. */
    @Transactional
    public Dossier citizen(UUID id, Integer expectedVersion, DossierAction action, String pid, StepInput input) {
        if (action.performer() != Performer.CITIZEN) {
            throw unknownAction(action.path());
        }
        Dossier dossier = dossiers.lock(id)
                .filter(d -> !d.isDraft() && pid != null && pid.equals(d.applicantPid()))
                .orElseThrow(Workflow::notFound);
        if (expectedVersion != null) {
            checkVersion(dossier, expectedVersion);
        }
        checkTransition(dossier, action, Performer.CITIZEN);
        StepInput in = input == null ? StepInput.none() : input;
        Actor actor = new Actor(pid, null);
        Instant now = clock.instant();
        String note = text("note", in.note(), false);
        if (action == DossierAction.WITHDRAW) {
            return dossiers.change(dossier, Change.to(DossierStatus.WITHDRAWN), action.name(), actor, note, Map.of());
        }
        return supplement(dossier, actor, note, in.supplied(), now);
    }

    /**
     * The payment platform settled the dossier's fees (nghĩa vụ tài chính): 6 → 4. Idempotent: a dossier that is
     * not waiting for payment is left as it is and {@code false} is returned. Joins the caller's transaction.
     */
    @Transactional
    public boolean paid(UUID dossierId, String paymentReference) {
        Dossier dossier = dossiers.lock(dossierId).orElseThrow(Workflow::notFound);
        if (dossier.status() != DossierStatus.PAYMENT_REQUESTED) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (paymentReference != null) {
            details.put("paymentReference", paymentReference);
        }
        dossiers.change(
                dossier,
                Change.to(DossierStatus.IN_PROCESS),
                DossierAction.PAID.name(),
                new Actor("payment-platform", null),
                "Đã thực hiện nghĩa vụ tài chính",
                details);
        return true;
    }

    /** {@link #paid(UUID, String)} without a payment reference. */
    @Transactional
    public boolean paid(UUID dossierId) {
        return paid(dossierId, null);
    }

    /**
     * Loads and locks a dossier the staff member's agency handles; 403 without an agency in the token, 404 for
     * drafts and other agencies' dossiers (they are invisible).
     */
    @Transactional
    public Dossier lockForAgency(UUID id, Staff staff) {
        if (staff.agencyCode() == null || staff.agencyCode().isBlank()) {
            throw noAgency();
        }
        return dossiers.lock(id)
                .filter(d -> !d.isDraft() && staff.agencyCode().equals(d.agencyCode()))
                .orElseThrow(Workflow::notFound);
    }

    /** Applies the other features' rules ({@link StepGuard}) to a step. */
    public void guard(Dossier dossier, DossierAction action) {
        guards.orderedStream().forEach(g -> g.check(dossier, action));
    }

    public static void checkVersion(Dossier dossier, int expectedVersion) {
        if (dossier.version() != expectedVersion) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_FAILED,
                    "stale-version",
                    "Hồ sơ đã được cập nhật (phiên bản hiện tại " + dossier.version() + ", If-Match " + expectedVersion
                            + "); hãy tải lại hồ sơ và thử lại.",
                    List.of(new FieldProblem("If-Match", "Phiên bản đã cũ.")));
        }
    }

    public static void checkTransition(Dossier dossier, DossierAction action, Performer performer) {
        if (!action.allowedFrom(dossier.status())) {
            throw new InvalidTransition(action, dossier.status(), DossierAction.allowed(dossier.status(), performer));
        }
    }

    private Dossier receive(Dossier dossier, Actor actor, String note, Instant now) {
        WorkingDayCalendar.Deadline deadline = deadline(dossier, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("countedFrom", deadline.countedFrom().toString());
        details.put("dueDate", deadline.dueDate().toString());
        details.put("workingDays", deadline.workingDays());
        return dossiers.change(
                dossier,
                Change.to(DossierStatus.ACCEPTED).received(now, deadline.dueDate()),
                DossierAction.RECEIVE.name(),
                actor,
                note,
                details);
    }

    private Dossier requestSupplement(Dossier dossier, Actor actor, String note, List<MissingItem> items, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.add(new FieldProblem(
                    "items",
                    "Phiếu yêu cầu bổ sung phải liệt kê đầy đủ các thành phần hồ sơ còn thiếu (ít nhất một)."));
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                MissingItem item = items.get(i);
                if (item == null || item.code() == null || item.code().isBlank()) {
                    problems.add(new FieldProblem("items[" + i + "].code", "Thiếu mã thành phần hồ sơ."));
                } else if (!codes.add(item.code())) {
                    problems.add(new FieldProblem(
                            "items[" + i + "].code", "Thành phần hồ sơ " + item.code() + " bị liệt kê hai lần."));
                }
                if (item != null && (item.name() == null || item.name().isBlank())) {
                    problems.add(new FieldProblem("items[" + i + "].name", "Thiếu tên thành phần hồ sơ."));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        supplements.open(dossier.id(), now, actor.user(), items);
        return dossiers.change(
                dossier,
                Change.to(DossierStatus.SUPPLEMENT_REQUESTED),
                DossierAction.REQUEST_SUPPLEMENT.name(),
                actor,
                note,
                Map.of("items", items));
    }

    private Dossier supplement(Dossier dossier, Actor actor, String note, List<String> supplied, Instant now) {
        SupplementRequests.Open open = supplements
                .openOf(dossier.id())
                .orElseThrow(() -> new IllegalStateException("dossier " + dossier.id() + " has no open request"));
        List<String> given = supplied == null ? List.of() : supplied;
        List<String> missing = open.items().stream()
                .map(MissingItem::code)
                .filter(code -> !given.contains(code))
                .toList();
        if (!missing.isEmpty()) {
            throw invalid(List.of(new FieldProblem(
                    "supplied",
                    "Chưa bổ sung đủ các thành phần hồ sơ được yêu cầu; còn thiếu: " + String.join(", ", missing)
                            + ".")));
        }
        supplements.complete(open.id(), now, given);
        jdbc.sql("delete from dossier_overdue where dossier_id = ?")
                .param(dossier.id())
                .update();
        WorkingDayCalendar.Deadline deadline = deadline(dossier, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("supplied", given);
        details.put("previousDueDate", String.valueOf(dossier.dueDate()));
        details.put("countedFrom", deadline.countedFrom().toString());
        details.put("dueDate", deadline.dueDate().toString());
        return dossiers.change(
                dossier,
                Change.to(DossierStatus.ACCEPTED).received(now, deadline.dueDate()),
                DossierAction.SUPPLEMENT.name(),
                actor,
                note,
                details);
    }

    private Dossier end(
            Dossier dossier, DossierStatus status, DossierAction action, Actor actor, String reason, Instant now) {
        return dossiers.change(
                dossier, Change.to(status).completed(now), action.name(), actor, reason, Map.of("reason", reason));
    }

    private Dossier assign(Dossier dossier, Actor actor, String note, String assignee) {
        if (assignee == null || assignee.isBlank()) {
            throw invalid(List.of(new FieldProblem("assignee", "Thiếu tên đăng nhập của cán bộ được phân công.")));
        }
        if (!officers.isOfficerOf(assignee, dossier.agencyCode())) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "assignee-not-in-agency",
                    "Cán bộ \"" + assignee + "\" không thuộc cơ quan " + dossier.agencyCode()
                            + " (hoặc chưa từng đăng nhập bộ phận một cửa); chỉ phân công cho cán bộ cùng cơ quan.",
                    List.of(new FieldProblem("assignee", "Không phải cán bộ của cơ quan.")));
        }
        return dossiers.change(
                dossier,
                Change.to(dossier.status()).assignedTo(assignee),
                DossierAction.ASSIGN.name(),
                actor,
                note,
                Map.of("assignee", assignee, "previousAssignee", String.valueOf(dossier.assignee())));
    }

    private Dossier requestPayment(Dossier dossier, Actor actor, String note) {
        JsonNode fees = json.readTree(jdbc.sql("select fees::text from procedure where code = ?")
                .param(dossier.procedureCode())
                .query(String.class)
                .single());
        long total = 0;
        for (JsonNode fee : fees) {
            total += fee.path("amount").asLong(0);
        }
        if (fees.isEmpty() || total <= 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "no-fees",
                    "Thủ tục " + dossier.procedureCode()
                            + " không thu phí, lệ phí; không thể yêu cầu thực hiện nghĩa vụ tài chính.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fees", fees);
        details.put("totalVnd", total);
        return dossiers.change(
                dossier,
                Change.to(DossierStatus.PAYMENT_REQUESTED),
                DossierAction.REQUEST_PAYMENT.name(),
                actor,
                note,
                details);
    }

    private Dossier complete(Dossier dossier, Actor actor, String decision, String note, Instant now) {
        var names = jdbc.sql("select name, agency_name from procedure where code = ?")
                .param(dossier.procedureCode())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        ResultDocuments.StoredResult result = results.issue(
                dossier, names[0], names[1], decision, actor.user(), now, LocalDate.ofInstant(now, VIETNAM));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resultSha256", result.sha256());
        details.put("signingKey", result.signingAlias());
        return dossiers.change(
                dossier,
                Change.to(DossierStatus.DONE).completed(now),
                DossierAction.COMPLETE.name(),
                actor,
                note == null ? decision : note,
                details);
    }

    private Dossier apologise(Dossier dossier, Actor actor, String reason, LocalDate newDate, Instant now) {
        if (newDate == null) {
            throw invalid(List.of(new FieldProblem("newDate", "Thiếu ngày hẹn trả kết quả mới.")));
        }
        if (dossier.rescheduledDate() != null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "apology-already-issued",
                    "Hồ sơ đã được hẹn lại ngày trả kết quả (" + dossier.rescheduledDate()
                            + "); chỉ được hẹn lại một lần.");
        }
        LocalDate due = dossier.dueDate();
        if (!newDate.isAfter(due)) {
            throw invalid(
                    List.of(new FieldProblem("newDate", "Ngày hẹn mới phải sau ngày hẹn trả hiện tại (" + due + ").")));
        }
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        LocalDate lastDay = previousWorkingDay(due);
        if (today.isAfter(lastDay)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "apology-too-late",
                    "Phiếu xin lỗi và hẹn lại ngày trả kết quả phải được gửi chậm nhất một ngày làm việc trước hạn ("
                            + due + "), tức là đến hết ngày " + lastDay + ".");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousDate", due.toString());
        details.put("newDate", newDate.toString());
        return dossiers.change(
                dossier,
                Change.to(dossier.status()).rescheduled(newDate),
                DossierAction.APOLOGY.name(),
                actor,
                reason,
                details);
    }

    private LocalDate previousWorkingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private WorkingDayCalendar.Deadline deadline(Dossier dossier, Instant receivedAt) {
        int days = jdbc.sql("select time_limit_days from procedure where code = ?")
                .param(dossier.procedureCode())
                .query(Integer.class)
                .single();
        return calendar.deadline(LocalDateTime.ofInstant(receivedAt, VIETNAM), days);
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(List.of(new FieldProblem(field, "Trường này là bắt buộc.")));
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(List.of(new FieldProblem(field, "Tối đa " + MAX_TEXT + " ký tự.")));
        }
        return value.strip();
    }

    static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "invalid", problems.getFirst().reason(), problems);
    }

    public static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found", "Không tìm thấy hồ sơ.");
    }

    static ApiProblem noAgency() {
        return new ApiProblem(
                HttpStatus.FORBIDDEN,
                "no-agency",
                "Tài khoản không gắn với cơ quan nào (thiếu agency_code); không thể xử lý hồ sơ.");
    }

    static ApiProblem unknownAction(String action) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "unknown-action",
                "Không có thao tác \"" + action + "\" trên hồ sơ. Các thao tác: "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(DossierAction.values())
                                        .filter(a -> a.performer() == Performer.DESK)
                                        .map(DossierAction::path)
                                        .toList())
                        + ".");
    }
}
