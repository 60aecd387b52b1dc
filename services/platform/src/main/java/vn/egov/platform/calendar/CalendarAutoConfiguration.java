package vn.egov.platform.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One {@link WorkingDayCalendar} per service, built from {@code egov.calendar.*} ({@link CalendarProperties}). */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
        return properties.calendar();
    }
}
