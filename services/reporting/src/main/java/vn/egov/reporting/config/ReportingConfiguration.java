package vn.egov.reporting.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.reporting.period.CutOffCalendar;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** Default sending deadline: the 25th of the period's last month (Decree 09/2019 art. 13). */
    @Bean
    CutOffCalendar cutOffCalendar(@Value("${egov.reporting.deadline-day:25}") int deadlineDay) {
        return new CutOffCalendar(deadlineDay);
    }
}
