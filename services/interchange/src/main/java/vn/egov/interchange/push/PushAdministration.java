package vn.egov.interchange.push;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.agency.Agency;
import vn.egov.interchange.agency.AgencyDirectory;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Quản trị chuyển giao chủ động — the webhook secret of an agency (issued by a platform administrator, handed over
 * once) and the re-queueing of a delivery parked as {@code PUSH_FAILED} (by the sending agency or a platform
 * administrator).
 */
@Service
public class PushAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final Agencies agencies;
    private final Clock clock;

    public PushAdministration(JdbcTemplate jdbc, AgencyDirectory directory, Agencies agencies, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** A newly issued webhook secret (the only time it is shown). */
    public record IssuedSecret(String agency, String secret, Instant createdAt) {}

    /** Issues (or replaces) the agency's webhook secret: 32 random bytes, base64url, prefixed {@code whsec_}. */
    @Transactional
    public IssuedSecret issueSecret(String code) {
        Agency agency = directory.find(code);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE agency SET webhook_secret = ?, webhook_secret_created_at = ?, updated_at = ? WHERE id = ?",
                secret,
                Timestamp.from(now),
                Timestamp.from(now),
                agency.id());
        return new IssuedSecret(agency.code(), secret, now);
    }

    /** The outcome of a re-queue. */
    public record Requeued(UUID deliveryId, String documentId, String recipient, String state, Instant nextPushAt) {}

    /** Puts a {@code PUSH_FAILED} delivery back in the push queue with its attempts reset. */
    @Transactional
    public Requeued requeue(Caller caller, UUID deliveryId) {
        List<Object[]> found = jdbc.query(
                "SELECT l.state, l.recipient_code, d.document_id, d.sender_id FROM delivery l"
                        + " JOIN document d ON d.id = l.document_id WHERE l.id = ? FOR UPDATE OF l",
                (rs, i) -> new Object[] {
                    rs.getString("state"),
                    rs.getString("recipient_code"),
                    rs.getString("document_id"),
                    rs.getObject("sender_id", UUID.class)
                },
                deliveryId);
        if (found.isEmpty()) {
            throw notFound(deliveryId);
        }
        Object[] row = found.getFirst();
        boolean admin = caller.hasRole("platform-admin");
        boolean sender = caller.agencyCode() != null
                && agencies.byCode(caller.agencyCode())
                        .map(a -> a.id().equals(row[3]))
                        .orElse(false);
        if (!admin && !sender) {
            throw notFound(deliveryId); // do not reveal other agencies' deliveries
        }
        if (!"PUSH_FAILED".equals(row[0])) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "delivery-not-push-failed",
                    "Văn bản chuyển đến " + row[1] + " đang ở trạng thái " + row[0]
                            + ", không phải PUSH_FAILED; chỉ gửi lại được khi việc đẩy đã dừng vì lỗi.");
        }
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE delivery SET state = 'PENDING', push_attempts = 0, next_push_at = ? WHERE id = ?",
                Timestamp.from(now),
                deliveryId);
        String actor = caller.subject() + (caller.agencyCode() == null ? "" : " (" + caller.agencyCode() + ")");
        jdbc.update(
                "INSERT INTO delivery_event (delivery_id, kind, description, recorded_at, actor)"
                        + " VALUES (?, 'PUSH_REQUEUED', ?, ?, ?)",
                deliveryId,
                "Đưa lại vào hàng đợi đẩy đến webhook.",
                Timestamp.from(now),
                actor);
        return new Requeued(deliveryId, (String) row[2], (String) row[1], "PENDING", now);
    }

    private static ApiProblem notFound(UUID deliveryId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "delivery-not-found", "Không có lần chuyển giao " + deliveryId + " của cơ quan.");
    }
}
