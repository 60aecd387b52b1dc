package vn.egov.platform.kafka;

import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.egov.platform.deadletter.DeadLetterTopics;
import vn.egov.platform.events.InvalidEventException;

/**
 * Kafka for CloudEvents: idempotent binary-mode clients, the default listener container factory (records as
 * {@code byte[]}, {@link vn.egov.platform.events.IncomingEvent} parameters, bounded retries then the
 * consumer's dead-letter topic {@code <topic>.<group>.dlt}), and topic declaration from {@code egov.kafka.*}.
 * Observation (tracing) follows {@code spring.kafka.template.observation-enabled} and
 * {@code spring.kafka.listener.observation-enabled}, both on in the service defaults.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaMessageFactory.class)
@EnableConfigurationProperties(EgovKafkaProperties.class)
public class EgovKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CloudEventKafkaClients cloudEventKafkaClients(
            ObjectProvider<ProducerFactory<?, ?>> producerFactory,
            ObjectProvider<ConsumerFactory<?, ?>> consumerFactory,
            KafkaProperties properties,
            @Value("${spring.kafka.template.observation-enabled:false}") boolean observationEnabled) {
        // Boot's factories carry the connection details (e.g. from Testcontainers); the properties are the
        // fallback when a service defines several factories of its own
        ProducerFactory<?, ?> producer = producerFactory.getIfUnique();
        ConsumerFactory<?, ?> consumer = consumerFactory.getIfUnique();
        return new CloudEventKafkaClients(
                producer != null ? producer.getConfigurationProperties() : properties.buildProducerProperties(),
                consumer != null ? consumer.getConfigurationProperties() : properties.buildConsumerProperties(),
                observationEnabled);
    }

    /** Bounded retries with exponential back-off, then the record goes to {@code <topic>.<group>.dlt}. */
    @Bean
    @ConditionalOnMissingBean(name = "egovKafkaErrorHandler")
    DefaultErrorHandler egovKafkaErrorHandler(CloudEventKafkaClients clients, EgovKafkaProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(
                clients.template(),
                (record, exception) ->
                        new TopicPartition(DeadLetterTopics.of(record.topic(), KafkaUtils.getConsumerGroupId()), -1));
        var retry = properties.retry();
        var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /**
     * The default {@code @KafkaListener} container factory: Boot's {@code spring.kafka.listener.*} settings,
     * String keys and raw values, the raw record kept for {@code IncomingEvent} parameters, and the platform's
     * error handler.
     */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            CloudEventKafkaClients clients,
            DefaultErrorHandler egovKafkaErrorHandler) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        configurer.configure(
                (ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) clients.consumerFactory());
        var converter = new MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        factory.setRecordMessageConverter(converter);
        factory.setCommonErrorHandler(egovKafkaErrorHandler);
        return factory;
    }

    @Bean
    KafkaListenerConfigurer egovIncomingEventParameters() {
        return new KafkaListenerConfigurer() {
            @Override
            public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
                List<HandlerMethodArgumentResolver> resolvers =
                        new ArrayList<>(registrar.getCustomMethodArgumentResolvers());
                resolvers.add(new IncomingEventArgumentResolver());
                registrar.setCustomMethodArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new));
            }
        };
    }

    /** The service's topics and the dead-letter topics of its consumers, created or grown at startup. */
    @Bean
    KafkaAdmin.NewTopics egovTopics(EgovKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        properties
                .topics()
                .forEach((name, partitions) ->
                        topics.add(new NewTopic(name, partitions, properties.replicationFactor())));
        properties
                .consumers()
                .forEach((group, consumed) -> consumed.forEach(topic -> topics.add(new NewTopic(
                        DeadLetterTopics.of(topic, group),
                        properties.deadLetterPartitions(),
                        properties.replicationFactor()))));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
