package vn.egov.platform.deadletter;

import java.time.Instant;

/**
 * A record a consumer gave up on, as kept in its dead-letter topic with the headers Spring Kafka's
 * {@code DeadLetterPublishingRecoverer} adds.
 *
 * @param deadLetterTopic where it is kept ({@code <topic>.<group>.dlt})
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there (with the two above, what {@code replay} takes)
 * @param deadLetteredAt when it was dead-lettered
 * @param key the Kafka key (the aggregate id)
 * @param originalTopic the topic it was consumed from, where a replay sends it
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param consumerGroup the consumer group that failed
 * @param exception the class of the exception that stopped it
 * @param exceptionMessage that exception's message
 * @param eventId CloudEvent id
 * @param eventType CloudEvent type
 * @param subject CloudEvent subject
 * @param data the value as text (JSON for CloudEvents)
 */
public record DeadLetter(
        String deadLetterTopic,
        int partition,
        long offset,
        Instant deadLetteredAt,
        String key,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String exception,
        String exceptionMessage,
        String eventId,
        String eventType,
        String subject,
        String data) {}
