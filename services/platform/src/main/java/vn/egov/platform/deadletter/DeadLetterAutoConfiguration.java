package vn.egov.platform.deadletter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.access.prepost.PreAuthorize;
import vn.egov.platform.kafka.CloudEventKafkaClients;
import vn.egov.platform.kafka.EgovKafkaAutoConfiguration;

/** {@link DeadLetters} and, in web applications, the {@code /admin/dead-letters} endpoints. */
@AutoConfiguration(after = {EgovKafkaAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean({CloudEventKafkaClients.class, KafkaAdmin.class})
public class DeadLetterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(CloudEventKafkaClients clients, KafkaAdmin admin) {
        return new DeadLetters(clients, admin);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(PreAuthorize.class)
    static class Endpoints {

        @Bean
        @ConditionalOnMissingBean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }
    }
}
