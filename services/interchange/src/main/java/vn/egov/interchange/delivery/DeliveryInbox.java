package vn.egov.interchange.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.config.InterchangeProperties;
import vn.egov.interchange.events.DocumentDelivered;
import vn.egov.interchange.events.DocumentEvents;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Hộp thư đến — the pull side of delivery. A recipient's system lists its pending deliveries (Hỏa tốc first, then
 * Thượng khẩn, Khẩn, normal; oldest first within a rank), fetches each package exactly as the sender signed it, and
 * acknowledges it. The acknowledgement is one conditional update: the first one delivers (and emits the event), any
 * repeat answers the same without a second effect. A package stays in the inbox until acknowledged, so a system that
 * is down for hours receives everything when it returns.
 */
@Service
public class DeliveryInbox {

    private final JdbcTemplate jdbc;
    private final Agencies agencies;
    private final DocumentEvents events;
    private final Clock clock;
    private final int maxPageSize;

    public DeliveryInbox(
            JdbcTemplate jdbc,
            Agencies agencies,
            DocumentEvents events,
            Clock clock,
            InterchangeProperties properties) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
        this.maxPageSize = properties.inbox().maxPageSize();
    }

    /** One pending delivery as the recipient sees it. */
    public record Entry(
            UUID deliveryId,
            UUID documentUuid,
            String documentId,
            String sender,
            String recipient,
            String subject,
            int priority,
            int businessType,
            String relatedDocumentId,
            String packageSha256,
            int packageSize,
            Instant sentAt) {}

    public List<Entry> pending(Caller caller, int limit) {
        Agency recipient = recipientOf(caller);
        int size = Math.max(1, Math.min(limit, maxPageSize));
        return jdbc.query(
                """
                SELECT l.id AS delivery_id, d.id, d.document_id, d.sender_code, l.recipient_code, d.subject, d.priority,
                       d.business_type, d.related_document_id, d.package_sha256, d.package_size, l.created_at
                  FROM delivery l JOIN document d ON d.id = l.document_id
                 WHERE l.recipient_id = ? AND l.state = 'PENDING'
                 ORDER BY l.urgency DESC, l.created_at, l.id
                 LIMIT ?
                """,
                (rs, i) -> new Entry(
                        rs.getObject("delivery_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("document_id"),
                        rs.getString("sender_code"),
                        rs.getString("recipient_code"),
                        rs.getString("subject"),
                        rs.getInt("priority"),
                        rs.getInt("business_type"),
                        rs.getString("related_document_id"),
                        rs.getString("package_sha256"),
                        rs.getInt("package_size"),
                        rs.getTimestamp("created_at").toInstant()),
                recipient.id(),
                size);
    }

    /** The package of one of the caller's deliveries, exactly as received from the sender. */
    public record Package(byte[] content, String sha256, String documentId) {}

    public Package packageOf(Caller caller, UUID deliveryId) {
        Agency recipient = recipientOf(caller);
        return jdbc
                .query(
                        "SELECT d.package, d.package_sha256, d.document_id FROM delivery l JOIN document d"
                                + " ON d.id = l.document_id WHERE l.id = ? AND l.recipient_id = ?",
                        (rs, i) -> new Package(
                                rs.getBytes("package"), rs.getString("package_sha256"), rs.getString("document_id")),
                        deliveryId,
                        recipient.id())
                .stream()
                .findFirst()
                .orElseThrow(() -> notFound(deliveryId));
    }

    /** The outcome of an acknowledgement. */
    public record Acknowledgement(
            UUID deliveryId, String documentId, String state, Instant deliveredAt, boolean alreadyAcknowledged) {}

    @Transactional
    public Acknowledgement acknowledge(Caller caller, UUID deliveryId) {
        Agency recipient = recipientOf(caller);
        String actor = caller.subject() + (caller.clientId() == null ? "" : " via " + caller.clientId());
        var delivered = deliver(deliveryId, recipient.id(), actor);
        if (delivered.isPresent()) {
            return delivered.get();
        }
        return jdbc
                .query(
                        "SELECT l.state, l.delivered_at, d.document_id FROM delivery l JOIN document d"
                                + " ON d.id = l.document_id WHERE l.id = ? AND l.recipient_id = ?",
                        (rs, i) -> new Acknowledgement(
                                deliveryId,
                                rs.getString("document_id"),
                                rs.getString("state"),
                                rs.getTimestamp("delivered_at") == null
                                        ? null
                                        : rs.getTimestamp("delivered_at").toInstant(),
                                true),
                        deliveryId,
                        recipient.id())
                .stream()
                .findFirst()
                .orElseThrow(() -> notFound(deliveryId));
    }

    /**
     * Delivers one delivery of the recipient if it is still waiting ({@code PENDING}, or parked as
     * {@code PUSH_FAILED}): state, {@code delivered_at}, the timeline event and the {@code delivered} event, all in
     * the caller's transaction. The conditional update is the exactly-once guard shared by the pull acknowledgement
     * and the push job's 2xx answer; empty when the delivery was not waiting (already delivered, recalled, not
     * the recipient's).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Acknowledgement> deliver(UUID deliveryId, UUID recipientId, String acknowledgedBy) {
        Instant now = clock.instant();
        var updated = jdbc.query(
                "UPDATE delivery SET state = 'DELIVERED', delivered_at = ?, acknowledged_by = ?, next_push_at = NULL"
                        + " WHERE id = ? AND recipient_id = ? AND state IN ('PENDING', 'PUSH_FAILED')"
                        + " RETURNING document_id, recipient_code",
                (rs, i) -> new Object[] {rs.getObject("document_id", UUID.class), rs.getString("recipient_code")},
                Timestamp.from(now),
                acknowledgedBy,
                deliveryId,
                recipientId);
        if (updated.isEmpty()) {
            return Optional.empty();
        }
        UUID document = (UUID) updated.getFirst()[0];
        String recipientCode = (String) updated.getFirst()[1];
        String documentId =
                jdbc.queryForObject("SELECT document_id FROM document WHERE id = ?", String.class, document);
        jdbc.update(
                "INSERT INTO delivery_event (delivery_id, kind, recorded_at, actor) VALUES (?, 'DELIVERED', ?, ?)",
                deliveryId,
                Timestamp.from(now),
                recipientCode);
        events.append(
                DocumentEvents.DELIVERED,
                document,
                new DocumentDelivered(document, documentId, deliveryId, recipientCode, now));
        return Optional.of(new Acknowledgement(deliveryId, documentId, "DELIVERED", now, false));
    }

    private Agency recipientOf(Caller caller) {
        if (caller.agencyCode() == null || caller.agencyCode().isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-agency",
                    "Mã truy cập không mang mã cơ quan (agency_code); chỉ hệ thống của một cơ quan mới có hộp thư đến.");
        }
        return agencies.byCode(caller.agencyCode())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "unknown-agency",
                        "Cơ quan " + caller.agencyCode() + " chưa có trong danh bạ của trục liên thông."));
    }

    private static ApiProblem notFound(UUID deliveryId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "delivery-not-found",
                "Không có văn bản chuyển đến " + deliveryId + " trong hộp thư của cơ quan.");
    }
}
