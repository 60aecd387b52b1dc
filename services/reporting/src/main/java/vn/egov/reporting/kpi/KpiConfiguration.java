package vn.egov.reporting.kpi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import vn.egov.platform.kafka.CloudEventKafkaClients;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KpiProperties.class)
class KpiConfiguration {

    /**
     * The KPI consumer reads records in batches (one transaction, one commit per batch instead of per event)
     * with the platform's clients and error handler: a record that fails is named by its index, the ones before
     * it are committed, it goes to the dead-letter topic and the rest are read again.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kpiBatchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            CloudEventKafkaClients clients,
            DefaultErrorHandler egovKafkaErrorHandler) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        configurer.configure(
                (ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) clients.consumerFactory());
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(egovKafkaErrorHandler);
        return factory;
    }
}
