package vn.egov.interchange.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sự kiện văn bản — appends events of topic {@code interchange.document.v1} in the transaction of the change they
 * describe (document sent, delivered, status changed, recalled). The one place the interchange publishes from: the
 * rows wait in {@code document_event_outbox} for the relay.
 */
@Component
public class DocumentEvents {

    public static final String TOPIC = "interchange.document.v1";
    public static final String SENT = "vn.egov.interchange.document.sent.v1";
    public static final String DELIVERED = "vn.egov.interchange.document.delivered.v1";
    public static final String STATUS_CHANGED = "vn.egov.interchange.document.status-changed.v1";
    public static final String RECALLED = "vn.egov.interchange.document.recalled.v1";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public DocumentEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.json = JsonMapper.shared();
        this.clock = clock;
    }

    /** Appends one event about a document (the subject and Kafka key is the document's id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String type, UUID document, Object data) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO document_event_outbox (id, type, subject, time, data) VALUES (?, ?, ?, ?, ?::jsonb)",
                id,
                type,
                document.toString(),
                Timestamp.from(clock.instant()),
                json.writeValueAsString(data));
        return id;
    }
}
