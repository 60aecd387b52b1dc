package vn.egov.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event Kafka acknowledged.
 *
 * @param id the CloudEvent id
 * @param createdAt when the event was appended (within its business transaction)
 */
public record PublishedEvent(
        UUID id, String topic, String type, String subject, Instant createdAt, int partition, long offset) {}
