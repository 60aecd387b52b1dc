package vn.egov.interchange.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.agency.Hashes;
import vn.egov.interchange.edxml.Edxml;
import vn.egov.interchange.edxml.EdxmlDates;
import vn.egov.interchange.edxml.EdxmlException;
import vn.egov.interchange.edxml.StatusPackage;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.interchange.events.DocumentRecalled;
import vn.egov.interchange.events.DocumentStatusChanged;
import vn.egov.interchange.messagelog.MessageLog;
import vn.egov.interchange.sending.AuthenticSender;
import vn.egov.interchange.sending.Document;
import vn.egov.interchange.sending.Documents;
import vn.egov.interchange.sending.PackageProblems;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Báo trạng thái — accepts a signed status package: recipients report 01–06 and answer recalls (15/16); the original
 * sender recalls (13) every delivery of its document. Each transition is checked against {@link StatusRules}; the
 * package is kept with the delivery's timeline and a {@code status-changed} event is emitted (and {@code recalled}
 * when a recipient agrees to a recall). The same status package sent twice is recognised, not applied twice.
 */
@Service
public class ReportStatus {

    private final Edxml edxml;
    private final AuthenticSender authenticSender;
    private final Documents documents;
    private final JdbcTemplate jdbc;
    private final DocumentEvents events;
    private final MessageLog messageLog;
    private final Clock clock;

    public ReportStatus(
            Edxml edxml,
            AuthenticSender authenticSender,
            Documents documents,
            JdbcTemplate jdbc,
            DocumentEvents events,
            MessageLog messageLog,
            Clock clock) {
        this.edxml = edxml;
        this.authenticSender = authenticSender;
        this.documents = documents;
        this.jdbc = jdbc;
        this.events = events;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    /** The answer to the reporter. */
    public record Accepted(UUID id, String documentId, String statusCode, List<String> recipients, boolean duplicate) {}

    private record Delivery(UUID id, String recipientCode, UUID recipientId, StatusRules.Current current) {}

    @Transactional
    public Accepted report(Caller caller, byte[] body) {
        Edxml.Parsed<StatusPackage> parsed;
        try {
            parsed = edxml.readStatus(body);
        } catch (EdxmlException e) {
            throw PackageProblems.of(e);
        }
        StatusPackage status = parsed.value();
        Agency reporter =
                authenticSender.check(caller, status.from().organId(), "Status/From/OrganId", parsed.document());
        StatusCode code = StatusCode.of(status.statusCode())
                .orElseThrow(() -> PackageProblems.field(
                        HttpStatus.BAD_REQUEST, "edxml-invalid", "Status/StatusCode", "Mã trạng thái không hợp lệ."));
        Document document = documents
                .byDocumentId(status.responseFor().documentId())
                .orElseThrow(() -> PackageProblems.field(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-document",
                        "Status/ResponseFor/DocumentId",
                        "Không có văn bản " + status.responseFor().documentId() + " trên trục liên thông."));

        List<Delivery> targets;
        if (code.reporter() == StatusCode.Reporter.SENDER) {
            if (!document.senderId().equals(reporter.id())) {
                throw PackageProblems.field(
                        HttpStatus.FORBIDDEN,
                        "not-original-sender",
                        "Status/From/OrganId",
                        "Chỉ cơ quan đã gửi văn bản (" + document.senderCode() + ") mới được thu hồi (13).");
            }
            targets = deliveries(document.id(), null);
        } else {
            targets = deliveries(document.id(), reporter.id());
            if (targets.isEmpty()) {
                throw PackageProblems.field(
                        HttpStatus.FORBIDDEN,
                        "not-a-recipient",
                        "Status/From/OrganId",
                        "Cơ quan " + status.from().organId() + " không phải nơi nhận văn bản " + document.documentId()
                                + ".");
            }
        }
        String sha256 = Hashes.sha256Hex(body);
        boolean seen = jdbc.queryForObject(
                        "SELECT count(*) FROM delivery_event WHERE delivery_id = ? AND package_sha256 = ?",
                        Integer.class,
                        targets.getFirst().id(),
                        sha256)
                > 0;
        List<String> affected =
                new ArrayList<>(targets.stream().map(Delivery::recipientCode).toList());
        if (seen) {
            return new Accepted(document.id(), document.documentId(), code.code(), affected, true);
        }
        if (code == StatusCode.RECALL) {
            targets = targets.stream().filter(d -> !d.current().recalled()).toList();
            if (targets.isEmpty()) {
                throw new ApiProblem(
                        HttpStatus.CONFLICT,
                        "invalid-status-transition",
                        "Văn bản đã được thu hồi ở mọi cơ quan nhận.");
            }
            affected = new ArrayList<>(
                    targets.stream().map(Delivery::recipientCode).toList());
        }
        for (Delivery d : targets) {
            String refusal = StatusRules.refusal(d.current(), code);
            if (refusal != null) {
                throw PackageProblems.field(
                        HttpStatus.CONFLICT,
                        "invalid-status-transition",
                        "Status/StatusCode",
                        d.recipientCode() + ": " + refusal);
            }
        }
        Instant now = clock.instant();
        Instant reportedAt = status.timestamp().atZone(EdxmlDates.VIETNAM).toInstant();
        for (Delivery d : targets) {
            apply(d, code, status, document, reporter, reportedAt, now, body, sha256);
        }
        messageLog.append("STATUS", document.documentId(), status.from().organId(), code.code(), sha256);
        return new Accepted(document.id(), document.documentId(), code.code(), affected, false);
    }

    private void apply(
            Delivery d,
            StatusCode code,
            StatusPackage status,
            Document document,
            Agency reporter,
            Instant reportedAt,
            Instant now,
            byte[] body,
            String sha256) {
        StatusCode previous = d.current().status();
        switch (code) {
            case RECALL -> jdbc.update("UPDATE delivery SET recall_pending = true WHERE id = ?", d.id());
            case RECALL_AGREED ->
                jdbc.update("UPDATE delivery SET recall_pending = false, state = 'RECALLED' WHERE id = ?", d.id());
            case RECALL_REFUSED -> jdbc.update("UPDATE delivery SET recall_pending = false WHERE id = ?", d.id());
            default -> jdbc.update("UPDATE delivery SET status_code = ? WHERE id = ?", code.code(), d.id());
        }
        jdbc.update(
                "INSERT INTO delivery_event (delivery_id, kind, status_code, description, reported_at, recorded_at, actor,"
                        + " package, package_sha256) VALUES (?, 'STATUS', ?, ?, ?, ?, ?, ?, ?)",
                d.id(),
                code.code(),
                status.description(),
                Timestamp.from(reportedAt),
                Timestamp.from(now),
                status.from().organId(),
                body,
                sha256);
        events.append(
                DocumentEvents.STATUS_CHANGED,
                document.id(),
                new DocumentStatusChanged(
                        document.id(),
                        document.documentId(),
                        d.id(),
                        d.recipientCode(),
                        reporter.code(),
                        code.code(),
                        previous == null ? null : previous.code(),
                        reportedAt));
        if (code == StatusCode.RECALL_AGREED) {
            events.append(
                    DocumentEvents.RECALLED,
                    document.id(),
                    new DocumentRecalled(document.id(), document.documentId(), d.id(), d.recipientCode(), now));
        }
    }

    /** The document's deliveries (of one recipient, or all), locked for this transaction. */
    private List<Delivery> deliveries(UUID document, UUID recipient) {
        String sql = "SELECT id, recipient_code, recipient_id, status_code, recall_pending, state FROM delivery"
                + " WHERE document_id = ?" + (recipient == null ? "" : " AND recipient_id = ?")
                + " ORDER BY recipient_code FOR UPDATE";
        Object[] args = recipient == null ? new Object[] {document} : new Object[] {document, recipient};
        return jdbc.query(
                sql,
                (rs, i) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient_code"),
                        rs.getObject("recipient_id", UUID.class),
                        new StatusRules.Current(
                                rs.getString("status_code") == null
                                        ? null
                                        : StatusCode.of(rs.getString("status_code")
                                                        .strip())
                                                .orElse(null),
                                rs.getBoolean("recall_pending"),
                                "RECALLED".equals(rs.getString("state")))),
                args);
    }
}
