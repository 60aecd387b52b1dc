package vn.egov.portal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.web.ApiProblem;
import vn.egov.platform.web.FieldProblem;
import vn.egov.portal.dossier.Dossier;
import vn.egov.portal.dossier.Dossiers;
import vn.egov.portal.workflow.DossierAction;
import vn.egov.portal.workflow.Staff;
import vn.egov.portal.workflow.Workflow;

/**
 * Chuyển liên thông: an officer sends a dossier in process to another agency. In one transaction: the request with
 * its signed edXML package, and the dossier's history line and event; the interchange is not called here, so the
 * request survives the interchange being down and is sent by {@link TransferJobs}.
 */
@Service
public class RequestTransfer {

    /** Both organisation-code forms (QCVN 102:2016 four levels, QĐ 20/2020), upper case. */
    static final Pattern ORGANISATION_CODE =
            Pattern.compile("^([0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}|[A-Z][0-9]{2}(\\.[0-9]{2}){0,3})$");

    private final Workflow workflow;
    private final Dossiers dossiers;
    private final Transfers transfers;
    private final TransferPackages packages;
    private final JdbcClient jdbc;
    private final Clock clock;

    public RequestTransfer(
            Workflow workflow,
            Dossiers dossiers,
            Transfers transfers,
            TransferPackages packages,
            JdbcClient jdbc,
            Clock clock) {
        this.workflow = workflow;
        this.dossiers = dossiers;
        this.transfers = transfers;
        this.packages = packages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Transfer request(UUID dossierId, int expectedVersion, Staff staff, String toAgency, String note) {
        Dossier dossier = workflow.lockForAgency(dossierId, staff);
        Workflow.checkVersion(dossier, expectedVersion);
        Workflow.checkTransition(dossier, DossierAction.TRANSFER, DossierAction.Performer.DESK);
        String to = toAgency(dossier, toAgency);
        workflow.guard(dossier, DossierAction.TRANSFER);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 4000) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Tối đa 4000 ký tự.",
                    List.of(new FieldProblem("note", "Tối đa 4000 ký tự.")));
        }
        Instant now = clock.instant();
        long number = transfers.nextNumber();
        String procedureName = jdbc.sql("select name from procedure where code = ?")
                .param(dossier.procedureCode())
                .query(String.class)
                .single();
        byte[] signed = packages.signed(dossier, procedureName, to, number, staff.username(), text, now);
        Transfer transfer = new Transfer(
                UUID.randomUUID(),
                dossier.id(),
                dossier.agencyCode(),
                to,
                TransferPackages.documentId(
                        dossier.agencyCode(), LocalDate.ofInstant(now, TransferPackages.VIETNAM), number),
                Transfer.State.PENDING,
                0,
                now,
                null,
                null,
                null,
                staff.username(),
                now,
                null);
        transfers.insert(transfer, signed);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", transfer.id().toString());
        details.put("toAgency", to);
        details.put("documentId", transfer.documentId());
        dossiers.change(
                dossier,
                Dossiers.Change.to(dossier.status()),
                "TRANSFER",
                new Dossiers.Actor(staff.username(), staff.agencyCode()),
                text,
                details);
        return transfer;
    }

    private static String toAgency(Dossier dossier, String toAgency) {
        if (toAgency == null || toAgency.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Thiếu mã cơ quan nhận hồ sơ liên thông.",
                    List.of(new FieldProblem("toAgency", "Trường này là bắt buộc.")));
        }
        String to = toAgency.strip();
        if (!ORGANISATION_CODE.matcher(to).matches()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Mã cơ quan không đúng định dạng QCVN 102:2016 hoặc QĐ 20/2020 (chữ in hoa).",
                    List.of(new FieldProblem("toAgency", "Mã định danh cơ quan không hợp lệ: " + to)));
        }
        if (to.equals(dossier.agencyCode())) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "Không thể chuyển liên thông hồ sơ cho chính cơ quan đang giải quyết.",
                    List.of(new FieldProblem("toAgency", "Trùng cơ quan đang giải quyết hồ sơ.")));
        }
        return to;
    }
}
