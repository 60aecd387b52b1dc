package vn.egov.reporting.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events as the portal and the interchange publish them: the data starts from the contract's canonical example
 * ({@code contracts/events/<type>.example.json}) and is changed field by field; the record is a binary-mode
 * CloudEvent as the platform's outbox relay writes it.
 */
public final class ContractEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.Map<String, ObjectNode> EXAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    private ContractEvents() {}

    /** The canonical example of a type, as a mutable object. */
    public static ObjectNode example(String type) {
        return EXAMPLES.computeIfAbsent(type, ContractEvents::read).deepCopy();
    }

    private static ObjectNode read(String type) {
        String path = "contracts/events/" + type + ".example.json";
        try (InputStream in = ContractEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no example " + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A binary-mode CloudEvent record with a fresh event id. */
    public static ProducerRecord<String, byte[]> record(String topic, String type, ObjectNode data) {
        return record(topic, type, UUID.randomUUID().toString(), data);
    }

    /** A binary-mode CloudEvent record with the given event id (to send a duplicate). */
    public static ProducerRecord<String, byte[]> record(String topic, String type, String eventId, ObjectNode data) {
        String subject = data.get("id").asString();
        var record = new ProducerRecord<>(topic, subject, JSON.writeValueAsBytes(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/" + type.split("\\.")[2]);
        header(record, "ce_type", type);
        header(record, "ce_subject", subject);
        header(record, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
