package vn.egov.portal.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's clock; the working-day calendar comes from the platform ({@code egov.calendar.*}). */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
