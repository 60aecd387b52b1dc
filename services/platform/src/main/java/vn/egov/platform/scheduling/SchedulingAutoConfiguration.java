package vn.egov.platform.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs that are safe with many replicas: {@code @Scheduled} is enabled, and a job annotated
 * {@code @SchedulerLock(name = "...")} runs on one replica at a time, locked in the {@code shedlock} table
 * with the database's clock.
 *
 * <pre>{@code
 * @Scheduled(cron = "0 0 1 * * *", zone = "Asia/Ho_Chi_Minh")
 * @SchedulerLock(name = "reporting.close-period", lockAtMostFor = "PT15M")
 * void closePeriod() { ... }
 * }</pre>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplateLockProvider.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "egov.scheduling", name = "enabled", matchIfMissing = true)
public class SchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
    static class Enabled {}
}
