package vn.egov.portal.transfer;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class TransferConfiguration {

    @Bean
    InterchangeClient interchangeClient(TransferProperties properties, JsonMapper json, Clock clock) {
        return new InterchangeClient(properties, json, clock);
    }
}
