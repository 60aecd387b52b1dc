package vn.egov.interchange.events;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.platform.outbox.Outbox;

/**
 * Sự kiện văn bản — appends events of topic {@code interchange.document.v1} (document sent, delivered, status
 * changed, recalled) to the platform outbox, in the transaction of the change they describe; the platform relay
 * publishes them to Kafka as CloudEvents keyed by the document id.
 */
@Component
public class DocumentEvents {

    public static final String TOPIC = "interchange.document.v1";
    public static final String SENT = "vn.egov.interchange.document.sent.v1";
    public static final String DELIVERED = "vn.egov.interchange.document.delivered.v1";
    public static final String STATUS_CHANGED = "vn.egov.interchange.document.status-changed.v1";
    public static final String RECALLED = "vn.egov.interchange.document.recalled.v1";

    private final Outbox outbox;

    public DocumentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends one event about a document (the subject and Kafka key is the document's id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String type, UUID document, Object data) {
        return outbox.append(TOPIC, type, document.toString(), data);
    }
}
