package vn.egov.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code egov.outbox.*}).
 *
 * @param relayEnabled whether this instance runs a relay (any number of instances may)
 * @param pollInterval how often the relay looks for unpublished events when idle
 * @param wakeOnCommit whether a commit that appended events wakes this instance's relay at once (other
 *     instances still find them by polling)
 * @param batchSize most events sent per relay transaction
 * @param sendTimeout longest wait for Kafka's acknowledgements of one batch
 * @param backoffInitial wait before the first retry of an event whose send failed
 * @param backoffMax longest wait between retries (retries never stop)
 * @param retention how long published events are kept before being purged
 * @param purgeInterval how often published events older than the retention are purged
 */
@ConfigurationProperties("egov.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("true") boolean wakeOnCommit,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration backoffInitial,
        @DefaultValue("30s") Duration backoffMax,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration purgeInterval) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("egov.outbox.batch-size must be positive");
        }
    }

    /** The defaults, for relays built by hand (tests, benchmarks). */
    public static OutboxProperties defaults() {
        return new OutboxProperties(
                true,
                Duration.ofMillis(50),
                true,
                500,
                Duration.ofSeconds(30),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofDays(7),
                Duration.ofMinutes(10));
    }

    public OutboxProperties withBatchSize(int size) {
        return new OutboxProperties(
                relayEnabled,
                pollInterval,
                wakeOnCommit,
                size,
                sendTimeout,
                backoffInitial,
                backoffMax,
                retention,
                purgeInterval);
    }
}
