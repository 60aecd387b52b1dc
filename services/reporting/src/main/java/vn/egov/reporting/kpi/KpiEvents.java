package vn.egov.reporting.kpi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events the KPIs are computed from, as published under {@code contracts/events/}; fields the
 * KPIs do not need are ignored (tolerant reader).
 */
public final class KpiEvents {

    public static final String DOSSIER_STATUS_CHANGED = "vn.egov.portal.dossier.status-changed.v1";
    public static final String DOSSIER_RATED = "vn.egov.portal.dossier.rated.v1";
    public static final String PAYMENT_STATUS_CHANGED = "vn.egov.portal.payment.status-changed.v1";
    public static final String DOCUMENT_SENT = "vn.egov.interchange.document.sent.v1";
    public static final String DOCUMENT_DELIVERED = "vn.egov.interchange.document.delivered.v1";
    public static final String DOCUMENT_STATUS_CHANGED = "vn.egov.interchange.document.status-changed.v1";
    public static final String DOCUMENT_RECALLED = "vn.egov.interchange.document.recalled.v1";

    /** The event types that change a figure; any other type on the same topics is passed over. */
    public static final List<String> TYPES = List.of(
            DOSSIER_STATUS_CHANGED,
            DOSSIER_RATED,
            PAYMENT_STATUS_CHANGED,
            DOCUMENT_SENT,
            DOCUMENT_DELIVERED,
            DOCUMENT_STATUS_CHANGED,
            DOCUMENT_RECALLED);

    private KpiEvents() {}

    /** Trạng thái hồ sơ: a dossier moved to a new status (TrangThaiHoSo 1–10). */
    public record DossierStatusChanged(
            UUID id,
            String code,
            String procedureCode,
            String agencyCode,
            int level,
            boolean fullyOnline,
            String channel,
            int status,
            long version,
            OffsetDateTime occurredAt,
            OffsetDateTime submittedAt,
            OffsetDateTime receivedAt,
            LocalDate dueDate,
            LocalDate rescheduledDate,
            OffsetDateTime completedAt) {}

    /** Đánh giá mức độ hài lòng: the applicant's rating on the 9 indices (total 0–18). */
    public record DossierRated(UUID id, String agencyCode, int total, Long version, OffsetDateTime ratedAt) {

        public long order() {
            return version == null ? 0 : version;
        }
    }

    /** Thanh toán phí, lệ phí: a fee payment changed status. */
    public record PaymentStatusChanged(
            UUID id,
            UUID dossierId,
            String agencyCode,
            long amount,
            String method,
            String status,
            long version,
            OffsetDateTime occurredAt) {}

    /** Văn bản đã gửi: the axis accepted a signed package for its recipients. */
    public record DocumentSent(
            UUID id, String documentId, String sender, List<String> recipients, OffsetDateTime receivedAt) {}

    /** Văn bản đã chuyển: a recipient's system acknowledged the package. */
    public record DocumentDelivered(UUID id, String recipient, OffsetDateTime deliveredAt) {}

    /** Trạng thái văn bản: a status package for one recipient's delivery (01–06, 13, 15, 16). */
    public record DocumentStatusChanged(UUID id, String recipient, String statusCode, OffsetDateTime reportedAt) {}

    /** Văn bản đã thu hồi: the recipient agreed to the sender's recall. */
    public record DocumentRecalled(UUID id, String recipient, OffsetDateTime recalledAt) {}
}
