package vn.egov.registry.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.registry.pid.BirthRegistrationProvinces;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Bean
    BirthRegistrationProvinces birthRegistrationProvinces() {
        return BirthRegistrationProvinces.load();
    }
}
