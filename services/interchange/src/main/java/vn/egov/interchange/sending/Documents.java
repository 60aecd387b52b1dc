package vn.egov.interchange.sending;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Documents and their deliveries in PostgreSQL. */
@Repository
public class Documents {

    private static final String COLUMNS = "id, document_id, sender_id, sender_code, code_number, code_notation,"
            + " promulgation_date, subject, priority, business_type, related_document_id, package_sha256,"
            + " package_size, received_at, received_by";

    private final JdbcTemplate jdbc;

    public Documents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless a document with the same DocumentId exists; true when this call inserted it. */
    public boolean insertIfAbsent(Document d, byte[] pkg) {
        return jdbc.update(
                        "INSERT INTO document (" + COLUMNS + ", package) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                + " ON CONFLICT (document_id) DO NOTHING",
                        d.id(),
                        d.documentId(),
                        d.senderId(),
                        d.senderCode(),
                        d.codeNumber(),
                        d.codeNotation(),
                        Date.valueOf(d.promulgationDate()),
                        d.subject(),
                        d.priority(),
                        d.businessType(),
                        d.relatedDocumentId(),
                        d.packageSha256(),
                        d.packageSize(),
                        Timestamp.from(d.receivedAt()),
                        d.receivedBy(),
                        pkg)
                == 1;
    }

    public Optional<Document> byDocumentId(String documentId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM document WHERE document_id = ?", Documents::map, documentId)
                .stream()
                .findFirst();
    }

    public Optional<Document> byId(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM document WHERE id = ?", Documents::map, id).stream()
                .findFirst();
    }

    /** The package exactly as it was received. */
    public byte[] packageOf(UUID id) {
        return jdbc.queryForObject("SELECT package FROM document WHERE id = ?", byte[].class, id);
    }

    /** Recipient codes of a document's deliveries with their delivery ids, in creation order. */
    public List<Recipient> recipients(UUID documentId) {
        return jdbc.query(
                "SELECT id, recipient_code FROM delivery WHERE document_id = ? ORDER BY created_at, recipient_code",
                (rs, i) -> new Recipient(rs.getString("recipient_code"), rs.getObject("id", UUID.class)),
                documentId);
    }

    /**
     * Creates the deliveries of a new document (one per recipient, in the order given) with their {@code SENT}
     * timeline entries, in one statement.
     */
    public void insertDeliveries(Document d, List<UUID> recipientIds, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        String[] ids = recipients.stream().map(r -> r.deliveryId().toString()).toArray(String[]::new);
        String[] agencies = recipientIds.stream().map(UUID::toString).toArray(String[]::new);
        String[] codes = recipients.stream().map(Recipient::code).toArray(String[]::new);
        Timestamp at = Timestamp.from(d.receivedAt());
        jdbc.update("""
                WITH l AS (
                    INSERT INTO delivery (id, document_id, recipient_id, recipient_code, urgency, state, created_at)
                    SELECT r.id::uuid, ?, r.recipient::uuid, r.code, ?, 'PENDING', ?
                      FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS r(id, recipient, code, n)
                     ORDER BY r.n
                    RETURNING id)
                INSERT INTO delivery_event (delivery_id, kind, recorded_at, actor)
                SELECT l.id, 'SENT', ?, ? FROM l
                """, d.id(), d.urgency(), at, ids, agencies, codes, at, d.senderCode());
    }

    /** Withdraws not-yet-acknowledged deliveries of a document (of one recipient, or all) from the inboxes. */
    public void withdrawPending(UUID document, UUID recipient, String why, java.time.Instant at) {
        String sql = "UPDATE delivery SET state = 'RECALLED', next_push_at = NULL WHERE document_id = ?"
                + " AND state IN ('PENDING', 'PUSH_FAILED')"
                + (recipient == null ? "" : " AND recipient_id = ?") + " RETURNING id";
        Object[] args = recipient == null ? new Object[] {document} : new Object[] {document, recipient};
        List<UUID> withdrawn = jdbc.queryForList(sql, UUID.class, args);
        for (UUID id : withdrawn) {
            jdbc.update(
                    "INSERT INTO delivery_event (delivery_id, kind, recorded_at) VALUES (?, ?, ?)",
                    id,
                    why,
                    Timestamp.from(at));
        }
    }

    /** Delivers an earlier document to one more recipient (an update adding a receiver), unless it already has it. */
    public void addDelivery(Document original, UUID recipientId, String recipientCode, java.time.Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update(
                "INSERT INTO delivery (id, document_id, recipient_id, recipient_code, urgency, state, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (document_id, recipient_id) DO NOTHING",
                id,
                original.id(),
                recipientId,
                recipientCode,
                original.urgency(),
                Timestamp.from(at));
        if (inserted == 1) {
            jdbc.update(
                    "INSERT INTO delivery_event (delivery_id, kind, recorded_at, actor) VALUES (?, 'RECEIVER_ADDED', ?, ?)",
                    id,
                    Timestamp.from(at),
                    original.senderCode());
        }
    }

    /** One recipient of a document. */
    public record Recipient(String code, UUID deliveryId) {}

    private static Document map(ResultSet rs, int row) throws SQLException {
        return new Document(
                rs.getObject("id", UUID.class),
                rs.getString("document_id"),
                rs.getObject("sender_id", UUID.class),
                rs.getString("sender_code"),
                rs.getString("code_number"),
                rs.getString("code_notation"),
                rs.getDate("promulgation_date").toLocalDate(),
                rs.getString("subject"),
                rs.getInt("priority"),
                rs.getInt("business_type"),
                rs.getString("related_document_id"),
                rs.getString("package_sha256"),
                rs.getInt("package_size"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("received_by"));
    }
}
