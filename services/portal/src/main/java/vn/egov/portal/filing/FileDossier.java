package vn.egov.portal.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.egov.platform.calendar.WorkingDayCalendar;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.attachment.Attachment;
import vn.egov.portal.attachment.Attachments;
import vn.egov.portal.catalogue.Procedure;
import vn.egov.portal.catalogue.Procedures;
import vn.egov.portal.dossier.Applicants;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.DossierStatus;
import vn.egov.portal.dossier.Dossiers;

/**
 * Nộp hồ sơ trực tuyến — a citizen starts a dossier (draft), saves the form as often as needed and submits it:
 * the form is validated against the procedure's schema, the required documents must be attached, the dossier
 * gets its code, status 1 (mới) and the receipt with the appointment date from the working-day calendar, all in
 * one transaction with the status-changed event (which also drives the e-mail to the citizen).
 */
@Service
public class FileDossier {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final Attachments attachments;
    private final FormValidator validator;
    private final Receipts receipts;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    FileDossier(
            Dossiers dossiers,
            Procedures procedures,
            Attachments attachments,
            FormValidator validator,
            Receipts receipts,
            WorkingDayCalendar calendar,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.attachments = attachments;
        this.validator = validator;
        this.receipts = receipts;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Starts a draft for {@code procedureCode}; the applicant's ID number is filled in from the token. */
    @Transactional
    public Dossier start(String pid, String procedureCode, JsonNode form) {
        Procedure procedure = procedures.find(procedureCode).orElseThrow(() -> Procedures.notFound(procedureCode));
        ObjectNode initial = form != null && form.isObject() ? (ObjectNode) form.deepCopy() : json.createObjectNode();
        JsonNode applicant = initial.get("nguoiNopHoSo");
        ObjectNode contact =
                applicant != null && applicant.isObject() ? (ObjectNode) applicant : initial.putObject("nguoiNopHoSo");
        if (!contact.has("soDinhDanh")) {
            contact.put("soDinhDanh", pid);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into dossier (id, procedure_code, agency_code, applicant_pid, form, created_at, updated_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(
                        id,
                        procedure.code(),
                        procedure.agencyCode(),
                        pid,
                        json.writeValueAsString(initial),
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now))
                .update();
        return dossiers.find(id).orElseThrow();
    }

    /** Lưu nháp: replaces the draft's form (no validation yet: drafts may be incomplete). */
    @Transactional
    public Dossier save(UUID id, String pid, JsonNode form) {
        Dossier dossier = Applicants.own(dossiers.lock(id).orElse(null), pid);
        if (!dossier.isDraft()) {
            throw notADraft();
        }
        if (form == null || !form.isObject()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Biểu mẫu phải là một đối tượng JSON.",
                    List.of(new FieldProblem("form", "Biểu mẫu phải là một đối tượng JSON.")));
        }
        jdbc.sql("update dossier set form = ?::jsonb, version = version + 1, updated_at = ? where id = ?")
                .params(json.writeValueAsString(form), java.sql.Timestamp.from(clock.instant()), id)
                .update();
        return dossiers.find(id).orElseThrow();
    }

    /** What a submission answers: the receipt, and whether it is the answer to an earlier identical request. */
    public record Submission(UUID dossierId, JsonNode receipt, boolean replayed) {}

    /**
     * Nộp hồ sơ. With an {@code Idempotency-Key}, repeating the request gives the same receipt and no second
     * dossier; a submitted dossier cannot be submitted again otherwise (409).
     */
    @Transactional
    public Submission submit(UUID id, String pid, String idempotencyKey) {
        Dossier dossier = Applicants.own(dossiers.lock(id).orElse(null), pid);
        if (idempotencyKey != null) {
            Optional<UUID> earlier = jdbc.sql("select id from dossier where applicant_pid = ? and submission_key = ?")
                    .params(pid, idempotencyKey)
                    .query(UUID.class)
                    .optional();
            if (earlier.isPresent()) {
                if (!earlier.get().equals(id)) {
                    throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.",
                            List.of(new FieldProblem("Idempotency-Key", "Đã dùng cho hồ sơ khác.")));
                }
                return new Submission(id, receipts.of(id).orElseThrow(), true);
            }
        }
        if (!dossier.isDraft()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "already-submitted",
                    "Hồ sơ đã được nộp (mã " + dossier.code() + "); không thể nộp lại.");
        }
        Procedure procedure = procedures
                .find(dossier.procedureCode())
                .orElseThrow(() -> Procedures.notFound(dossier.procedureCode()));
        List<FieldProblem> problems = new ArrayList<>(validator.validate(procedure, dossier.form()));
        List<Attachment> files = attachments.of(id);
        Set<String> attached = attachments.documentCodes(id);
        for (Procedure.Document required : procedure.requiredDocuments()) {
            if (!attached.contains(required.code())) {
                problems.add(new FieldProblem(
                        "documents." + required.code(), "Thiếu thành phần hồ sơ bắt buộc: " + required.name() + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "dossier-invalid",
                    "Hồ sơ chưa hợp lệ: " + problems.size() + " lỗi; xem danh sách lỗi.",
                    problems);
        }
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, VIETNAM);
        String code = dossiers.nextCode(procedure.agencyCode(), local.toLocalDate());
        WorkingDayCalendar.Deadline deadline = calendar.deadline(local, procedure.timeLimitDays());
        JsonNode applicant = dossier.form().path("nguoiNopHoSo");
        String name = text(applicant.path("hoTen"));
        String email = text(applicant.path("email"));
        jdbc.sql("update dossier set submission_key = ?, applicant_name = ?, applicant_email = ? where id = ?")
                .params(idempotencyKey, name, email, id)
                .update();
        Dossier submitted = dossiers.change(
                dossier,
                new Dossiers.Change(
                        DossierStatus.NEW, code, null, now, null, deadline.dueDate(), null, null, null, null),
                "SUBMIT",
                new Dossiers.Actor(pid, null),
                "Công dân nộp hồ sơ trực tuyến",
                Map.of("appointmentDate", deadline.dueDate().toString(), "files", files.size()));
        Map<String, Object> receipt = receipt(submitted, procedure, deadline, files, name, now);
        receipts.insert(id, code, now, deadline.dueDate(), receipt);
        return new Submission(id, json.valueToTree(receipt), false);
    }

    private static Map<String, Object> receipt(
            Dossier d,
            Procedure p,
            WorkingDayCalendar.Deadline deadline,
            List<Attachment> files,
            String name,
            Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        r.put("template", "Mẫu 01, Thông tư 01/2018/TT-VPCP");
        r.put("dossierId", d.id().toString());
        r.put("dossierCode", d.code());
        r.put("procedureCode", p.code());
        r.put("procedureName", p.name());
        r.put("agencyCode", p.agencyCode());
        r.put("agencyName", p.agencyName());
        r.put("applicantName", name);
        r.put("applicantPid", d.applicantPid());
        r.put("channel", "Trực tuyến");
        r.put("submittedAt", now.toString());
        r.put("countedFrom", deadline.countedFrom().toString());
        r.put("timeLimitDays", p.timeLimitDays());
        r.put("appointmentDate", deadline.dueDate().toString());
        r.put(
                "documents",
                files.stream()
                        .map(f -> Map.of(
                                "documentCode", f.documentCode(),
                                "fileName", f.fileName(),
                                "sha256", f.sha256()))
                        .toList());
        r.put("fees", p.fees());
        r.put("status", DossierStatus.NEW.code());
        r.put("statusLabel", DossierStatus.NEW.label());
        r.put(
                "note",
                "Hồ sơ được nhận lúc " + LocalDateTime.ofInstant(now, VIETNAM).withNano(0) + "; ngày hẹn trả kết quả "
                        + deadline.dueDate() + " (tính theo ngày làm việc, không kể ngày nhận; hồ sơ nhận sau 15 giờ"
                        + " được tính từ ngày làm việc tiếp theo).");
        return r;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    static ApiProblem notADraft() {
        return new ApiProblem(HttpStatus.CONFLICT, "dossier-not-editable", "Hồ sơ đã nộp; không thể sửa biểu mẫu.");
    }
}
