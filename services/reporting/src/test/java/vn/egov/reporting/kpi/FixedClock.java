package vn.egov.reporting.kpi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock on 20/11/2026 10:00 Vietnam time, after the scenario's period ended. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T10:00:00+07:00");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW.toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
