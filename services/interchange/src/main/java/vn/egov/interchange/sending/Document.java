package vn.egov.interchange.sending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Văn bản điện tử — a document accepted by the axis: its edXML DocumentId, sender, number and notation, subject,
 * priority, business type (0 new, 1 revoke, 2 update, 3 replace) and the hash of the package kept as received.
 */
public record Document(
        UUID id,
        String documentId,
        UUID senderId,
        String senderCode,
        String codeNumber,
        String codeNotation,
        LocalDate promulgationDate,
        String subject,
        int priority,
        int businessType,
        String relatedDocumentId,
        String packageSha256,
        int packageSize,
        Instant receivedAt,
        String receivedBy) {

    /** Hỏa tốc (3, 4) first, then Thượng khẩn (2), Khẩn (1), normal (0). */
    public int urgency() {
        return Math.min(priority, 3);
    }
}
