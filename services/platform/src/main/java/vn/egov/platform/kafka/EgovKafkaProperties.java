package vn.egov.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's Kafka topology ({@code egov.kafka.*}).
 *
 * <pre>
 * egov:
 *   kafka:
 *     replication-factor: 1          # 3 in production
 *     topics:                        # topics this service owns (publishes to): name -> partitions
 *       "[portal.dossier.v1]": 6
 *     consumers:                     # consumer group -> topics it reads; each gets &lt;topic&gt;.&lt;group&gt;.dlt
 *       reporting: [portal.dossier.v1, interchange.document.v1]
 *     retry:
 *       attempts: 3                  # redeliveries before dead-lettering
 * </pre>
 *
 * @param topics topics the service publishes to, with their partition count; declared at startup
 * @param replicationFactor replication factor of every declared topic
 * @param consumers consumer groups of the service and the topics each reads; a dead-letter topic is declared
 *     for every pair
 * @param deadLetterPartitions partitions of each dead-letter topic
 * @param retry how a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("egov.kafka")
public record EgovKafkaProperties(
        Map<String, Integer> topics,
        @DefaultValue("1") short replicationFactor,
        Map<String, List<String>> consumers,
        @DefaultValue("1") int deadLetterPartitions,
        @DefaultValue Retry retry) {

    public EgovKafkaProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        consumers = consumers == null ? Map.of() : Map.copyOf(consumers);
    }

    /**
     * @param attempts redeliveries after the first failure
     * @param initialInterval wait before the first redelivery
     * @param multiplier growth of the wait
     * @param maxInterval longest wait
     */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval) {}
}
