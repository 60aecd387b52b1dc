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
        String code = agencyCode(caller);
        int size = Math.max(1, Math.min(limit, maxPageSize));
        List<Entry> page = jdbc.query(
                """
                SELECT l.id AS delivery_id, d.id, d.document_id, d.sender_code, l.recipient_code, d.subject, d.priority,
                       d.business_type, d.related_document_id, d.package_sha256, d.package_size, l.created_at
                  FROM delivery l JOIN document d ON d.id = l.document_id
                 WHERE l.recipient_id = (SELECT id FROM agency WHERE code_2016 = ? OR code_2020 = ? LIMIT 1)
                   AND l.state = 'PENDING'
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
                code,
                code,
                size);
        if (page.isEmpty()) {
            recipientOf(caller); // an empty inbox, or no such agency (403)
        }
        return page;
    }

    /** The package of one of the caller's deliveries, exactly as received from the sender. */
    public record Package(byte[] content, String sha256, String documentId) {}

    public Package packageOf(Caller caller, UUID deliveryId) {
        String code = agencyCode(caller);
        return jdbc
                .query(
                        "SELECT d.package, d.package_sha256, d.document_id FROM delivery l JOIN document d"
                                + " ON d.id = l.document_id JOIN agency a ON a.id = l.recipient_id"
                                + " WHERE l.id = ? AND (a.code_2016 = ? OR a.code_2020 = ?)",
                        (rs, i) -> new Package(
                                rs.getBytes("package"), rs.getString("package_sha256"), rs.getString("document_id")),
                        deliveryId,
                        code,
                        code)
                .stream()
                .findFirst()
                .orElseThrow(() -> {
                    recipientOf(caller); // 403 when the caller's agency is not registered
                    return notFound(deliveryId);
                });
    }

    /** The outcome of an acknowledgement. */
    public record Acknowledgement(
            UUID deliveryId, String documentId, String state, Instant deliveredAt, boolean alreadyAcknowledged) {}

    @Transactional
    public Acknowledgement acknowledge(Caller caller, UUID deliveryId) {
        return acknowledgeAll(caller, List.of(deliveryId)).getFirst();
    }

    /**
     * Acknowledges several deliveries of the caller's agency at once, in one transaction: each is delivered as by
     * {@link #acknowledge} (the first acknowledgement delivers, a repeat answers {@code alreadyAcknowledged}), in the
     * order given. When one of them is not a delivery of the caller's agency nothing is acknowledged (404 naming it).
     */
    @Transactional
    public List<Acknowledgement> acknowledgeAll(Caller caller, List<UUID> deliveryIds) {
        String code = agencyCode(caller);
        String actor = caller.subject() + (caller.clientId() == null ? "" : " via " + caller.clientId());
        java.util.Map<UUID, Acknowledgement> delivered = new java.util.HashMap<>();
        for (Acknowledgement a : deliver(
                deliveryIds,
                "l.recipient_id = (SELECT id FROM agency WHERE code_2016 = ? OR code_2020 = ? LIMIT 1)",
                new Object[] {code, code},
                actor)) {
            delivered.put(a.deliveryId(), a);
        }
        if (delivered.size() == deliveryIds.size()) {
            return deliveryIds.stream().map(delivered::get).toList();
        }
        Agency recipient = recipientOf(caller);
        List<Acknowledgement> result = new java.util.ArrayList<>(deliveryIds.size());
        for (int i = 0; i < deliveryIds.size(); i++) {
            UUID deliveryId = deliveryIds.get(i);
            Acknowledgement first = delivered.get(deliveryId);
            if (first != null) {
                result.add(first);
                continue;
            }
            int index = i;
            result.add(jdbc
                    .query(
                            "SELECT l.state, l.delivered_at, d.document_id FROM delivery l JOIN document d"
                                    + " ON d.id = l.document_id WHERE l.id = ? AND l.recipient_id = ?",
                            (rs, row) -> new Acknowledgement(
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
                    .orElseThrow(() -> deliveryIds.size() == 1
                            ? notFound(deliveryId)
                            : new ApiProblem(
                                    HttpStatus.NOT_FOUND,
                                    "delivery-not-found",
                                    notFound(deliveryId).getMessage()
                                            + " Không văn bản nào trong yêu cầu được xác nhận.",
                                    List.of(new vn.egov.platform.web.FieldProblem(
                                            "deliveryIds[" + index + "]",
                                            "Không có văn bản chuyển đến " + deliveryId
                                                    + " trong hộp thư của cơ quan.")))));
        }
        return result;
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
        return deliver(List.of(deliveryId), "l.recipient_id = ?", new Object[] {recipientId}, acknowledgedBy).stream()
                .findFirst();
    }

    /**
     * The conditional update, the timeline entries and the document ids in one statement, then one {@code delivered}
     * event per delivery that was waiting; returns those only.
     */
    private List<Acknowledgement> deliver(
            List<UUID> deliveryIds, String recipientCondition, Object[] recipientArgs, String acknowledgedBy) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<Object> args = new java.util.ArrayList<>();
        args.add(at);
        args.add(acknowledgedBy);
        args.add(deliveryIds.stream().map(UUID::toString).toArray(String[]::new));
        args.addAll(List.of(recipientArgs));
        args.add(at);
        List<Object[]> rows = jdbc.query(
                """
                WITH u AS (
                    UPDATE delivery l SET state = 'DELIVERED', delivered_at = ?, acknowledged_by = ?, next_push_at = NULL
                     WHERE l.id = ANY(?::uuid[]) AND %s AND l.state IN ('PENDING', 'PUSH_FAILED')
                    RETURNING l.id, l.document_id, l.recipient_code),
                e AS (
                    INSERT INTO delivery_event (delivery_id, kind, recorded_at, actor)
                    SELECT u.id, 'DELIVERED', ?, u.recipient_code FROM u)
                SELECT u.id, u.document_id, u.recipient_code, d.document_id AS document_code
                  FROM u JOIN document d ON d.id = u.document_id
                """.formatted(recipientCondition),
                (rs, i) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getObject("document_id", UUID.class),
                    rs.getString("recipient_code"),
                    rs.getString("document_code")
                },
                args.toArray());
        java.util.Map<UUID, Object[]> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put((UUID) r[0], r));
        List<Acknowledgement> result = new java.util.ArrayList<>(rows.size());
        for (UUID deliveryId : deliveryIds) {
            Object[] r = byId.remove(deliveryId);
            if (r == null) {
                continue;
            }
            UUID document = (UUID) r[1];
            String recipientCode = (String) r[2];
            String documentId = (String) r[3];
            events.append(
                    DocumentEvents.DELIVERED,
                    document,
                    new DocumentDelivered(document, documentId, deliveryId, recipientCode, now));
            result.add(new Acknowledgement(deliveryId, documentId, "DELIVERED", now, false));
        }
        return result;
    }

    private static String agencyCode(Caller caller) {
        if (caller.agencyCode() == null || caller.agencyCode().isBlank()) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-agency",
                    "Mã truy cập không mang mã cơ quan (agency_code); chỉ hệ thống của một cơ quan mới có hộp thư đến.");
        }
        return caller.agencyCode();
    }

    private Agency recipientOf(Caller caller) {
        return agencies.byCode(agencyCode(caller))
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
