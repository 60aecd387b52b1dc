package vn.egov.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka clients that carry CloudEvents in binary mode: String keys, raw byte values. The producer is
 * idempotent with {@code acks=all}; everything else (bootstrap servers, security, client settings) comes
 * from the service's {@code spring.kafka.*} configuration. Not exposed as {@code KafkaTemplate} or factory
 * beans, so the service keeps Boot's own for anything else it sends.
 */
public class CloudEventKafkaClients implements DisposableBean, ApplicationContextAware, SmartInitializingSingleton {

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final DefaultKafkaConsumerFactory<String, byte[]> consumerFactory;

    public CloudEventKafkaClients(
            Map<String, Object> producerConfig, Map<String, Object> consumerConfig, boolean observationEnabled) {
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a send blocks at most this long for metadata (broker down, unknown topic) before failing
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producerFactory =
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producerFactory);
        this.template.setObservationEnabled(observationEnabled);
        this.template.setBeanName("cloudEventKafkaTemplate");

        Map<String, Object> consumer = new HashMap<>(consumerConfig);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerFactory =
                new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends {@code ProducerRecord<String, byte[]>}: the relay, dead-lettering and replays use it. */
    public KafkaTemplate<String, byte[]> template() {
        return template;
    }

    public ProducerFactory<String, byte[]> producerFactory() {
        return producerFactory;
    }

    /** Consumers of binary-mode CloudEvents (the default listener container factory uses it). */
    public ConsumerFactory<String, byte[]> consumerFactory() {
        return consumerFactory;
    }

    /**
     * A consumer that belongs to no group and commits nothing: for reading topics by offset (dead letters,
     * tests). The caller closes it.
     */
    public Consumer<String, byte[]> standaloneConsumer(String clientIdSuffix) {
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "egov-" + clientIdSuffix);
        return new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Gives the template the application's observation registry (tracing across Kafka). */
    @Override
    public void setApplicationContext(ApplicationContext context) {
        template.setApplicationContext(context);
    }

    @Override
    public void afterSingletonsInstantiated() {
        template.afterSingletonsInstantiated();
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
