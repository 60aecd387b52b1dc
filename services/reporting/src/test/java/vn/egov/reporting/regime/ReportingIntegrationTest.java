package vn.egov.reporting.regime;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.egov.platform.testing.EgovIntegrationTest;

/**
 * The whole reporting application on real PostgreSQL (a fresh database per class, migrated with the seeded
 * regimes) and real Kafka, called through MockMvc with test tokens, at a time the test sets. Filings,
 * reminders and regimes the tests add are removed before each test; the seed stays.
 */
@EgovIntegrationTest(properties = "egov.reporting.reminders.cron=-")
@AutoConfigureMockMvc
@Import(ReportingIntegrationTest.TestClock.class)
public abstract class ReportingIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-18T02:00:00Z"));
        }
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void cleanFilings() {
        jdbc.sql("delete from report_reminder").update();
        jdbc.sql("delete from report_submission").update();
        jdbc.sql("delete from report_regime where code not in ('TTHC_THANG', 'CPDT_QUY')")
                .update();
        clock.set("2026-11-18T09:00");
    }
}
