package vn.egov.portal.result;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResultProperties.class)
class ResultConfiguration {

    @Bean
    AgencyKeys agencyKeys(ResultProperties properties, ResourceLoader resources) {
        return new AgencyKeys(properties, resources);
    }

    @Bean
    ResultSignatures resultSignatures() {
        return new ResultSignatures();
    }
}
