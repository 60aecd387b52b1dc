package vn.egov.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent received from Kafka in binary mode ({@code ce_*} headers, JSON data). A {@code @KafkaListener}
 * method on the platform's default container factory can take it as its parameter.
 *
 * @param id the CloudEvent id: the key for inbox deduplication
 * @param type e.g. {@code vn.egov.portal.dossier.submitted.v1}
 * @param source the producing service
 * @param subject the aggregate id (also the Kafka key)
 * @param time when the event happened
 * @param data the JSON data ({@code NullNode} when the event carries none)
 * @param topic the topic it was read from
 * @param partition the partition it was read from
 * @param offset its offset in that partition
 */
public record IncomingEvent(
        String id,
        String type,
        URI source,
        String subject,
        OffsetDateTime time,
        JsonNode data,
        String topic,
        int partition,
        long offset) {

    /** Tolerant reader: fields added within a version are ignored by older consumers. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads a binary-mode CloudEvent; throws {@link InvalidEventException} when the record is not one. */
    public static IncomingEvent from(ConsumerRecord<?, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException("not a binary-mode CloudEvent", e);
        }
        JsonNode data;
        try {
            data = event.getData() == null
                    ? JSON.nullNode()
                    : JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + event.getId() + " data is not JSON", e);
        }
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                event.getSource(),
                event.getSubject(),
                event.getTime(),
                data,
                record.topic(),
                record.partition(),
                record.offset());
    }

    /** The data bound to a record or class; unknown fields are ignored. */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + id + " data does not fit " + type.getSimpleName(), e);
        }
    }
}
