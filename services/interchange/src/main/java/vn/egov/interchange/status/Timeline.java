package vn.egov.interchange.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.egov.interchange.agency.Agencies;
import vn.egov.interchange.sending.Document;
import vn.egov.interchange.sending.Documents;
import vn.egov.platform.security.Caller;
import vn.egov.platform.web.ApiProblem;

/**
 * Dòng thời gian — what happened to a document at each recipient: sent, delivered, every status reported, recall,
 * with lateness flagged by the configured rules ({@link Lateness}, in working time or plain durations, each flag naming
 * its rule and deadline); for push recipients the attempts, the next one and the last error
 * ({@code PUSH_FAILED} once the axis gave up). Seen by the sending agency, auditors and platform administrators.
 */
@Service
public class Timeline {

    private final Documents documents;
    private final Agencies agencies;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Lateness lateness;

    public Timeline(Documents documents, Agencies agencies, JdbcTemplate jdbc, Clock clock, Lateness lateness) {
        this.documents = documents;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lateness = lateness;
    }

    public record Event(
            String kind,
            String statusCode,
            String meaning,
            String description,
            Instant reportedAt,
            Instant recordedAt,
            String actor) {}

    public record RecipientTimeline(
            String recipient,
            UUID deliveryId,
            String state,
            String statusCode,
            String statusMeaning,
            boolean recallPending,
            Instant deliveredAt,
            int pushAttempts,
            Instant nextPushAt,
            String lastPushError,
            List<String> late,
            List<Lateness.LateFlag> lateFlags,
            List<Event> events) {}

    public record View(
            UUID id,
            String documentId,
            String sender,
            String subject,
            int priority,
            int businessType,
            String packageSha256,
            Instant receivedAt,
            List<RecipientTimeline> recipients) {}

    public View of(Caller caller, UUID id) {
        Document document = documents.byId(id).orElseThrow(() -> notFound(id));
        boolean privileged = caller.hasRole("platform-admin") || caller.hasRole("auditor");
        boolean sender = caller.agencyCode() != null
                && agencies.byCode(caller.agencyCode())
                        .map(a -> a.id().equals(document.senderId()))
                        .orElse(false);
        if (!privileged && !sender) {
            throw notFound(id); // do not reveal other agencies' documents
        }
        Map<UUID, List<Event>> events = new LinkedHashMap<>();
        jdbc.query(
                "SELECT e.delivery_id, e.kind, e.status_code, e.description, e.reported_at, e.recorded_at, e.actor"
                        + " FROM delivery_event e JOIN delivery l ON l.id = e.delivery_id WHERE l.document_id = ?"
                        + " ORDER BY e.id",
                rs -> {
                    String code = rs.getString("status_code");
                    events.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
                            .add(new Event(
                                    rs.getString("kind"),
                                    code,
                                    code == null
                                            ? null
                                            : StatusCode.of(code)
                                                    .map(StatusCode::meaning)
                                                    .orElse(null),
                                    rs.getString("description"),
                                    rs.getTimestamp("reported_at") == null
                                            ? null
                                            : rs.getTimestamp("reported_at").toInstant(),
                                    rs.getTimestamp("recorded_at").toInstant(),
                                    rs.getString("actor")));
                },
                id);
        Instant now = clock.instant();
        List<RecipientTimeline> recipients = jdbc.query(
                "SELECT id, recipient_code, state, status_code, recall_pending, created_at, delivered_at, push_attempts,"
                        + " next_push_at, last_push_error FROM delivery"
                        + " WHERE document_id = ? ORDER BY recipient_code",
                (rs, i) -> {
                    UUID deliveryId = rs.getObject("id", UUID.class);
                    String code = rs.getString("status_code");
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Instant delivered = rs.getTimestamp("delivered_at") == null
                            ? null
                            : rs.getTimestamp("delivered_at").toInstant();
                    List<Event> own = events.getOrDefault(deliveryId, List.of());
                    List<Lateness.LateFlag> flags = late(created, delivered, own, rs.getString("state"), now);
                    return new RecipientTimeline(
                            rs.getString("recipient_code"),
                            deliveryId,
                            rs.getString("state"),
                            code,
                            code == null
                                    ? null
                                    : StatusCode.of(code)
                                            .map(StatusCode::meaning)
                                            .orElse(null),
                            rs.getBoolean("recall_pending"),
                            delivered,
                            rs.getInt("push_attempts"),
                            rs.getTimestamp("next_push_at") == null
                                    ? null
                                    : rs.getTimestamp("next_push_at").toInstant(),
                            rs.getString("last_push_error"),
                            flags.stream().map(Lateness.LateFlag::message).toList(),
                            flags,
                            own);
                },
                id);
        return new View(
                document.id(),
                document.documentId(),
                document.senderCode(),
                document.subject(),
                document.priority(),
                document.businessType(),
                document.packageSha256(),
                document.receivedAt(),
                recipients);
    }

    private List<Lateness.LateFlag> late(
            Instant created, Instant delivered, List<Event> events, String state, Instant now) {
        if ("RECALLED".equals(state)) {
            return List.of();
        }
        Instant arrived = firstStatus(events, "01", "02", "03", "04", "05", "06");
        Instant answered = firstStatus(events, "02", "03");
        return lateness.flags(created, new Lateness.Progress(delivered, arrived, answered), now);
    }

    private static Instant firstStatus(List<Event> events, String... codes) {
        List<String> wanted = List.of(codes);
        return events.stream()
                .filter(e -> "STATUS".equals(e.kind()) && wanted.contains(e.statusCode()))
                .map(Event::recordedAt)
                .findFirst()
                .orElse(null);
    }

    private static ApiProblem notFound(UUID id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found", "Không có văn bản " + id + " của cơ quan.");
    }
}
